import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { selectExercises } from '../../../grading/runner/exercise-catalog.ts';
import { repoRoot, scratchDir } from '../../../grading/runner/repo-paths.ts';
import { startSharedServices } from '../../../grading/runner/shared-services.ts';
import { serviceNames } from '../../../services/services.ts';
import { type CheckResult, checkVariant, layOutCopies, plannedChecks } from '../../selfcheck/exercise-checks.ts';
import { RunBatch } from '../../selfcheck/run-batch.ts';
import { RunCache, sharedDigest } from '../../selfcheck/run-cache.ts';
import type { BenchFigure, BenchSuite } from '../bench-suite.ts';

/**
 * Where the time of one exercise's self-check goes in its shared worker (the default of
 * `npm test`): the exercise's starter, references and mutants (one seed) run as the
 * self-check runs them, through the same RunBatch, and the batch process reports its split:
 * Node's start, Vitest's import, making the project, the run (per copy: set-up files, the
 * test file's import with the copy's code, the tests) and closing. COURSE_BENCH_SPLIT names
 * the exercise (default Kata 4).
 */
const suite: BenchSuite = {
  name: 'Self-check: the split of one exercise\'s shared worker',
  async run({ repetitions }) {
    const exercise = selectExercises([process.env.COURSE_BENCH_SPLIT ?? '04-cqrs-decision'])[0]!;
    const root = await mkdtemp(join(scratchDir, 'bench-shared-split-'));
    const { services, env } = await startSharedServices([exercise], serviceNames);
    const samples = new Map<string, number[]>();
    const add = (name: string, value: number) => samples.set(name, [...(samples.get(name) ?? []), value]);
    try {
      for (let i = 0; i < repetitions; i++) {
        const checks = plannedChecks(exercise, join(root, `run-${i}`));
        await layOutCopies(checks);
        const batch = new RunBatch(checks.length, { env, timeoutMs: 600_000, maxWorkers: 1 });
        const context = {
          env, timeoutMs: 600_000, batch, shared: sharedDigest(repoRoot),
          options: { seedCount: 1, seeds: [], ci: true },
          cache: new RunCache<CheckResult>(join(root, 'cache'), false),
        };
        const started = performance.now();
        const results = await Promise.all(checks.map((check) => checkVariant(check, context)));
        add('whole batch, as the self-check waits for it (s)', (performance.now() - started) / 1000);
        const failed = results.find((result) => !result.ok);
        if (failed) throw new Error(`${failed.title} while benchmarking: run npm test first\n${failed.detail}`);
        const timings = batch.report?.timings;
        if (!timings) throw new Error(`the batch ran no shared process: ${batch.report?.fallback ?? 'no report'}`);
        const copies = checks.length;
        add('Vitest import (s)', timings.importMs / 1000);
        add('project and server made (s)', timings.createMs / 1000);
        add('the run, every copy (s)', timings.runMs / 1000);
        add('close (s)', timings.closeMs / 1000);
        add('per copy: set-up files (ms)', timings.setupMs / copies);
        add('per copy: test file and code imported (ms)', timings.collectMs / copies);
        add('per copy: tests and hooks (ms)', timings.testsMs / copies);
      }
    } finally {
      await services.stop();
      await rm(root, { recursive: true, force: true });
    }
    return [...samples].map(([metric, values]): BenchFigure => ({
      metric: `${exercise.meta.id}: ${metric.replace(/ \((s|ms)\)$/, '')}`,
      unit: metric.endsWith('(ms)') ? 'ms' : 's',
      samples: values,
    }));
  },
};
export default suite;
