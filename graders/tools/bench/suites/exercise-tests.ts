import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { selectExercises } from '../../../grading/runner/exercise-catalog.ts';
import { scratchDir } from '../../../grading/runner/repo-paths.ts';
import { runVitest } from '../../../grading/runner/run-vitest.ts';
import { startSharedServices } from '../../../grading/runner/shared-services.ts';
import { copyExercise } from '../../../grading/runner/variant-copy.ts';
import type { BenchFigure, BenchSuite } from '../bench-suite.ts';

/**
 * Wall time of each exercise's tests on its reference solution, as `npm run grade` runs
 * them (a child Vitest on a copy, services already up), one exercise at a time.
 */
const suite: BenchSuite = {
  name: 'Exercise tests on the reference solutions',
  async run({ repetitions }) {
    const exercises = selectExercises(process.env.COURSE_BENCH_EXERCISES?.split(',') ?? []);
    const { services, env } = await startSharedServices(exercises);
    const runDir = join(scratchDir, 'bench');
    try {
      const figures: BenchFigure[] = [];
      for (const exercise of exercises) {
        const root = await copyExercise(exercise, { kind: 'reference' }, join(runDir, exercise.meta.id));
        const samples: number[] = [];
        for (let i = 0; i < repetitions; i++) {
          const outcome = await runVitest({ root, env, timeoutMs: 600_000 });
          // A skipped test is no failure: a clinic starter's it.todo reproduction stays in the copy.
          const failed = outcome.tests.filter((test) => test.status === 'failed');
          if (outcome.abort || failed.length > 0) {
            throw new Error(`${exercise.path}: the reference did not pass while benchmarking; run npm test first.`);
          }
          samples.push(outcome.durationMs);
        }
        // The clinic issue sets a target for one item's tests; other exercises have none.
        const target = exercise.meta.kind === 'clinic' ? { target: { comparison: '<' as const, value: 8000 } } : {};
        figures.push({ metric: `${exercise.meta.id}: test run wall time`, unit: 'ms', samples, ...target });
      }
      return figures;
    } finally {
      await services.stop();
      await rm(runDir, { recursive: true, force: true });
    }
  },
};
export default suite;
