import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExpected } from './design-kata.ts';
import { listTests, unknownTestIds } from './test-ids.ts';

const root = new URL('../../../', import.meta.url).pathname;
const solutions = join(root, 'solutions', 'design');
const katas = existsSync(solutions) ? readdirSync(solutions).filter((slug) => existsSync(join(solutions, slug, 'expected.yaml'))) : [];
/** The kata's folder with its tests: in exercises/ once registered, in its draft folder until then. */
const testedFolder = (slug: string) => [join(root, 'exercises', 'design', slug), join(solutions, slug, 'exercise-draft')].find((folder) => existsSync(join(folder, 'test')));
// Collecting a kata's tests starts Vitest once: seconds on a shared machine (a ceiling, never a wait).
const collecting = { timeout: 120_000 };

describe('a foundBy id that names no test fails here, so the lists cannot drift from the tests', () => {
  const tests = [{ file: 'test/correlator.test.ts', name: 'the correlator › keeps bounded state' }];

  it('passes an id in the Caught-by form, and names a wrong one with the nearest test', () => {
    expect(unknownTestIds(['test/correlator.test.ts: the correlator › keeps bounded state'], tests)).toEqual([]);
    expect(unknownTestIds(['test/correlator.test.ts: the correlator › keeps bounded memory', 'correlator › keeps bounded state'], tests)).toEqual([
      '"test/correlator.test.ts: the correlator › keeps bounded memory" names no test of the kata (nearest: "test/correlator.test.ts: the correlator › keeps bounded state")',
      '"correlator › keeps bounded state" is not a test id: write test/<file>.test.ts: <describe> › <test name>',
    ]);
  });
});

describe.each(katas)('design kata %s: every foundBy id in expected.yaml names a test of the kata', (slug) => {
  it('each names a test Vitest collects from the kata folder', collecting, () => {
    const ids = readExpected(root, slug)!.mistakes.flatMap((m) => m.foundBy ?? []);
    if (ids.length === 0) return; // sentences only: nothing to check
    const folder = testedFolder(slug);
    expect(folder, `${slug} names tests in foundBy but has no test/ folder`).toBeDefined();
    expect(unknownTestIds(ids, listTests(folder!)), `solutions/design/${slug}/expected.yaml`).toEqual([]);
  });
});
