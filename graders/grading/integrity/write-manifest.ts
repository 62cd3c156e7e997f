import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../runner/repo-paths.ts';
import { manifestPath } from './course-files.ts';
import { buildManifest, renderManifest } from './manifest.ts';

/**
 * `npx tsx graders/grading/integrity/write-manifest.ts [--root DIR]` records the hash of every
 * course-owned file (tests, metadata, configs, graders/) in graders/grading/integrity/manifest.json.
 * Run it after changing any of them; `npm test` fails while the manifest is out of date.
 */
const { values } = parseArgs({ options: { root: { type: 'string', default: repoRoot } } });
const root = values.root;
const file = join(root, manifestPath);
const text = renderManifest(await buildManifest(root));
const before = await readFile(file, 'utf8').catch(() => '');
await writeFile(file, text);
const count = Object.keys(JSON.parse(text).files as object).length;
console.log(`${manifestPath}: ${count} course files${before === text ? ', unchanged' : ', updated'}.`);
