import type { Exercise } from '../../grading/runner/exercise-catalog.ts';
import type { TestOutcome } from '../../grading/runner/run-vitest.ts';
import { isLearnerOwned } from '../../grading/integrity/course-files.ts';
import { readCanonicalTests, recordCommand } from '../../grading/integrity/canonical-tests.ts';

/** Per course checkout (a fixture course has its own), what it records. */
const recordedByCourse = new Map<string, ReturnType<typeof readCanonicalTests>>();

/**
 * Where the course records canonical tests, a reference run must report exactly them: a test
 * added, renamed or removed since the recording would otherwise cost every learner points
 * (missing) or count for nothing (extra). Says what differs and how to record again.
 */
export function canonicalDrift(exercise: Exercise, tests: readonly TestOutcome[]): string | undefined {
  const courseRoot = exercise.folder.slice(0, exercise.folder.length - `exercises/${exercise.path}`.length);
  if (!recordedByCourse.has(courseRoot)) recordedByCourse.set(courseRoot, readCanonicalTests(courseRoot));
  const recorded = recordedByCourse.get(courseRoot);
  if (!recorded) return undefined;
  const expected = recorded[exercise.meta.id];
  if (!expected) return `no canonical tests are recorded for ${exercise.meta.id}: run \`${recordCommand}\`, then \`npm run manifest\``;
  const key = (test: { file: string; name: string }) => `${test.file} › ${test.name}`;
  const ran = new Set(tests.filter((t) => !isLearnerOwned(`exercises/${exercise.path}/${t.file}`)).map(key));
  const want = new Set(expected.map(key));
  const added = [...ran].filter((name) => !want.has(name));
  const gone = [...want].filter((name) => !ran.has(name));
  if (added.length === 0 && gone.length === 0) return undefined;
  const list = (label: string, names: string[]) => (names.length ? `\n  ${label}: ${names.slice(0, 5).join('; ')}${names.length > 5 ? ` (+${names.length - 5})` : ''}` : '');
  return `the tests differ from the recorded canonical tests; run \`${recordCommand}\`, then \`npm run manifest\`.` +
    `${list('not recorded', added)}${list('recorded but not run', gone)}`;
}
