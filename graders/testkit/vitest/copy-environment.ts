import fc from 'fast-check';
import { expect } from 'vitest';
import { copiesVariable, type CopyEnvironment, sandboxVariable } from './sandbox-flags.ts';

/**
 * First set-up file of the self-check's shared worker (see batch-worker.ts): the test files of
 * many copies of one exercise run one after another in one reused worker, so what a copy's
 * own process would have been given (its seed, its sandbox root, fast failing) is set here
 * before each file, from the list the worker was started with. fast-check's global settings
 * are external to Vitest's module reset and would carry the last file's seed: they are reset
 * too, before fast-check-setup.ts applies this copy's.
 */
const copies = JSON.parse(process.env[copiesVariable] ?? '[]') as CopyEnvironment[];
const file = expect.getState().testPath ?? '';
const copy = copies.find((candidate) => file.startsWith(`${candidate.root}/`));
if (!copy) throw new Error(`${file} belongs to none of the copies this shared worker was started for`);
for (const [name, value] of Object.entries(copy.env)) {
  if (value === null) delete process.env[name];
  else process.env[name] = value;
}
process.env[sandboxVariable] = copy.root;
fc.resetConfigureGlobal();
