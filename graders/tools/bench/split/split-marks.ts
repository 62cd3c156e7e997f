import { appendFileSync } from 'node:fs';

/** Where the measured run's processes write their marks (the bench's own file, one JSON line each). */
export const splitFileVariable = 'COURSE_SPLIT_FILE';

/** Writes one named instant (epoch milliseconds, shared by every process on the machine). */
export function mark(name: string, at = performance.timeOrigin + performance.now()): void {
  const file = process.env[splitFileVariable];
  if (file) appendFileSync(file, `${JSON.stringify({ name, at })}\n`);
}
