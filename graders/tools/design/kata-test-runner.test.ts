import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../grading/runner/repo-paths.ts';
import { runKataTests } from './kata-test-runner.ts';

const kata = join(repoRoot, 'exercises', 'design', '01-security-event-pipeline');

describe("compare's test runner, on kata 1's starter as committed", () => {
  // One real Vitest run of the kata: seconds to a minute on a shared machine (a ceiling, never a wait).
  // Vitest exits 0 here although tests fail (a dependency's exit hook): the report decides.
  it('reports each test by file and full name, as foundBy ids name them, and the gate stays shut', { timeout: 180_000 }, () => {
    const { ok, summary, tests } = runKataTests(kata);
    expect(ok).toBe(false);
    expect(summary).toMatch(/^Tests {2}\d+ failed \| \d+ passed \(\d+\)$/);
    expect(tests).toContainEqual(expect.objectContaining({
      file: 'test/correlator.test.ts',
      name: 'the correlation rule (3 failures then a success within 5 minutes, 1 minute of lateness) › keeps bounded state: 40,000 users seen once each, 100 ms apart, leave under 10,000 entries',
      status: 'failed',
    }));
  });
});
