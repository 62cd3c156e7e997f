import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradeResults } from '../grade/grade-results.ts';
import type { CanonicalTests } from '../grade/score-exercise.ts';
import { isLearnerOwned } from './course-files.ts';

/** The tests each exercise's reference run reported, the only ones a grade counts. */
export const canonicalTestsPath = 'graders/grading/integrity/canonical-tests.json';
export const recordCommand = 'npm run grade -- --solutions --record-canonical';

/** The course's canonical tests, or undefined where none are recorded (every test then counts). */
export function readCanonicalTests(root: string): CanonicalTests | undefined {
  const file = join(root, canonicalTestsPath);
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; exercises?: CanonicalTests };
  if (parsed.version !== 1 || typeof parsed.exercises !== 'object') {
    throw new Error(`${canonicalTestsPath} is not a version 1 list of canonical tests; record it again with \`${recordCommand}\`.`);
  }
  return parsed.exercises;
}

/**
 * Records the tests of a reference run that scored full marks, merged over what is recorded
 * for exercises it did not run. A reference that did not pass records nothing: its tests
 * are not yet the course's.
 */
export async function recordCanonicalTests(root: string, results: GradeResults): Promise<string[]> {
  if (results.target !== 'solutions') throw new Error('--record-canonical records a reference run: add --solutions.');
  const exercises: CanonicalTests = { ...readCanonicalTests(root) };
  const recorded: string[] = [];
  for (const exercise of results.exercises) {
    if (exercise.status !== 'passed') continue;
    // A test file the learner writes (a clinic item's reproduction) has no canonical names.
    exercises[exercise.id] = exercise.tests
      .filter(({ file }) => !isLearnerOwned(`exercises/${exercise.path}/${file}`))
      .map(({ file, name }) => ({ file, name }));
    recorded.push(exercise.id);
  }
  const sorted = Object.fromEntries(Object.entries(exercises).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(join(root, canonicalTestsPath), `${JSON.stringify({ version: 1, exercises: sorted }, null, 1)}\n`);
  return recorded;
}
