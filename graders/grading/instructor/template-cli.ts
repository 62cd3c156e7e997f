import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../runner/repo-paths.ts';
import { coursePinFromGit, writeLearnerTemplate } from './learner-template.ts';

const usage = `Usage: npm run template -- --out DIR [--course-repo OWNER/NAME] [--course-ref COMMIT]
  Writes the learner-facing repository (no solutions/, no mutants, no course CI) into DIR,
  with its grading workflows taking the tests from the course at COMMIT. The repository and
  commit default to this checkout's GitHub remote "origin" and HEAD.`;

let values;
try {
  ({ values } = parseArgs({
    options: { out: { type: 'string' }, 'course-repo': { type: 'string' }, 'course-ref': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
if (values.help || !values.out) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}
const fromGit = coursePinFromGit(repoRoot);
const repository = values['course-repo'] ?? fromGit.repository;
const ref = values['course-ref'] ?? fromGit.ref;
if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
  console.error('Give the course repository as --course-repo OWNER/NAME (no GitHub remote "origin" to read it from).');
  process.exit(2);
}
if (!ref || !/^[0-9a-f]{40}$/.test(ref)) {
  console.error('Give the course commit as --course-ref with its full 40-character SHA (a branch name would move under learners).');
  process.exit(2);
}
try {
  const files = await writeLearnerTemplate(repoRoot, resolve(values.out), { repository, ref });
  console.log(`Wrote ${files.length} files to ${values.out}; its workflows grade with ${repository}@${ref.slice(0, 12)}.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
