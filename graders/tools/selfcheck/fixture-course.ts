import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { scratchDir } from '../../grading/runner/repo-paths.ts';
import { catalogChecks } from './static-checks.ts';

/**
 * A tiny course for the self-check's own tests: one exercise without services, whose test
 * file has two example tests and one property that draws a single number (so whether it
 * finds a mistake above 1000 depends on the seed: seed 1 draws one above, seed 2 does not).
 */
export const answerTests = `import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, answer } from '../src/answer.ts';

describe('answer', () => {
  it('is 42', () => expect(answer()).toBe(42));
  it('adds two small numbers', () => expect(add(2, 2)).toBe(4));
  it('adds zero to any number', () => fc.assert(fc.property(fc.integer({ min: 0, max: 2000 }), (n) => add(n, 0) === n), { numRuns: 1 }));
});
`;

export const reference = 'export const answer = (): number => 42;\nexport const add = (a: number, b: number): number => a + b;\n';

/** A patch with a header and one hunk against the reference's answer.ts. */
export function mutantPatch(header: string[], before: string, after: string): string {
  const body = `${before}\n${after}`.split('\n');
  const count = (kinds: string) => body.filter((line) => kinds.includes(line[0]!)).length;
  return [...header, '--- a/src/answer.ts', '+++ b/src/answer.ts', `@@ -1,${count(' -')} +1,${count(' +')} @@`, ...body, ''].join('\n');
}

const answerLine = 'export const answer = (): number => 42;';
const addLine = 'export const add = (a: number, b: number): number => a + b;';
/** Mutants of the fixture, each a different case for the self-check to tell apart. */
export const fixtureMutants = {
  'off-by-one': mutantPatch(['MUTANT: answers 43.', 'Caught-by: test/answer.test.ts: answer › is 42'], `-${answerLine}`, `+export const answer = (): number => 43;\n ${addLine}`),
  'wrong-catcher': mutantPatch(['MUTANT: answers 43.', 'Caught-by: test/answer.test.ts: answer › adds two small numbers'], `-${answerLine}`, `+export const answer = (): number => 43;\n ${addLine}`),
  'typo-catcher': mutantPatch(['MUTANT: answers 43.', 'Caught-by: test/answer.test.ts: answer › is 43'], `-${answerLine}`, `+export const answer = (): number => 43;\n ${addLine}`),
  'no-catcher': mutantPatch(['MUTANT: answers 43.'], `-${answerLine}`, `+export const answer = (): number => 43;\n ${addLine}`),
  'large-numbers': mutantPatch(['MUTANT: adds one too many above 1000.'], ` ${answerLine}`, `-${addLine}\n+export const add = (a: number, b: number): number => (a > 1000 ? a + b + 1 : a + b);`),
  'harmless': mutantPatch(['MUTANT: writes the same answer another way.'], `-${answerLine}`, `+export const answer = (): number => 40 + 2;\n ${addLine}`),
  'stale': mutantPatch(['MUTANT: answers 43.'], '-export const answer = (): number => 41;', `+export const answer = (): number => 43;\n ${addLine}`),
  'import-error': mutantPatch(['MUTANT: imports a module that is not there.'], `-${answerLine}`, `+import './missing.ts';\n+${answerLine}\n ${addLine}`),
} as const;

/** Writes a one-exercise course (katas/01-demo) at `root`, with the given files in it; returns a writer for more. */
export async function writeDemoCourse(root: string, files: Record<string, string>) {
  const write = async (path: string, text: string) => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  };
  await write('exercises/curriculum.json', JSON.stringify({ module: 'Test module', exercises: ['katas/01-demo'] }));
  await write('exercises/katas/01-demo/README.md', '# Demo\n');
  await write(
    'exercises/katas/01-demo/exercise.json',
    JSON.stringify({
      id: '01-demo', title: 'Demo kata', kind: 'kata', concepts: ['events-are-facts'], services: [],
      timeLimitMinutes: 5, points: 5, variants: [{ name: 'default', description: 'The only variant.' }], hints: [],
    }),
  );
  for (const [path, text] of Object.entries(files)) await write(path, text);
  return write;
}

/** Writes the fixture course under .course/ (so its copies resolve the repository's node_modules). */
export async function fixtureCourse(prefix: string) {
  const root = await mkdtemp(join(scratchDir, prefix));
  const write = await writeDemoCourse(root, {
    'exercises/katas/01-demo/src/answer.ts':
      "export const answer = (): number => { throw new Error('TODO: answer'); };\nexport const add = (a: number, b: number): number => a - b;\n",
    'exercises/katas/01-demo/test/answer.test.ts': answerTests,
    'solutions/katas/01-demo/src/answer.ts': reference,
    ...Object.fromEntries(Object.entries(fixtureMutants).map(([name, patch]) => [`solutions/katas/01-demo/mutants/${name}.patch`, patch])),
  });
  const { exercises, results } = catalogChecks({ exercisesDir: join(root, 'exercises'), solutionsDir: join(root, 'solutions') });
  const broken = results.find((result) => !result.ok);
  if (broken) throw new Error(`the fixture course breaks a rule: ${broken.detail}`);
  return { root, write, exercise: exercises[0]! };
}
