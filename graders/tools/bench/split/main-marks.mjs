// Loaded with --import into the Vitest process of one measured run (bench only): marks when
// Node's own start-up ended and when the process exits, into the file the bench names.
import { appendFileSync } from 'node:fs';

const file = process.env.COURSE_SPLIT_FILE;
const mark = (name, at = performance.timeOrigin + performance.now()) => file && appendFileSync(file, `${JSON.stringify({ name, at })}\n`);
mark('process created', performance.timeOrigin);
mark('node booted');
process.on('exit', () => mark('process exits'));
