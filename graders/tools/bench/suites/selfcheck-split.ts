import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { selectExercises } from '../../../grading/runner/exercise-catalog.ts';
import { parseMutantPatch, mutantPatchFile } from '../../../grading/runner/mutant-patch.ts';
import { runInGroup } from '../../../grading/runner/process-group.ts';
import { startSharedServices } from '../../../grading/runner/shared-services.ts';
import { repoRoot, scratchDir } from '../../../grading/runner/repo-paths.ts';
import { copyExercise } from '../../../grading/runner/variant-copy.ts';
import { serviceNames } from '../../../services/services.ts';
import { seedVariable } from '../../../testkit/harness/property.ts';
import { sandboxVariable } from '../../../testkit/vitest/sandbox-flags.ts';
import { vitestNamePattern } from '../../selfcheck/mutant-checks.ts';
import type { BenchFigure, BenchSuite } from '../bench-suite.ts';
import { splitFileVariable } from '../split/split-marks.ts';

const split = (file: string) => join(repoRoot, 'graders', 'tools', 'bench', 'split', file);

/** Phases of one run, each from one mark to the next, in the order they happen. */
const phases: [string, string, string][] = [
  ['spawn to process created', 'spawned', 'process created'],
  ['Node boot (main)', 'process created', 'node booted'],
  ['Vitest import and config load', 'node booted', 'config loaded'],
  ['Vite server and Vitest start', 'config loaded', 'vitest ready'],
  ['to global set-up', 'vitest ready', 'global set-up starts'],
  ['global set-up (course)', 'global set-up starts', 'global set-up ends'],
  ['fork to worker created', 'global set-up ends', 'worker forked'],
  ['Node boot (worker)', 'worker forked', 'worker booted'],
  ['worker: Vitest runtime to first set-up file', 'worker booted', 'worker set-up starts'],
  ['worker: set-up files, test import, tests', 'worker set-up starts', 'file ended'],
  ['to end of run', 'file ended', 'test run ends'],
  ['teardown (global, course)', 'test run ends', 'global teardown ends'],
  ['to process exit', 'global teardown ends', 'process exits'],
  ['exit seen by the grader', 'process exits', 'exit seen'],
];
const durations = ['worker prepare (ms)', 'worker environment (ms)', 'setup files (ms)', 'test file import and collect (ms)', 'tests and hooks (ms)'];

/**
 * Where the time of one copy run in a process of its own goes, as `npm test -- --alone` and
 * `npm run grade` run it: a mutant of an exercise without services (COURSE_BENCH_SPLIT names
 * another), one child Vitest on its copy, its Caught-by test only, sandboxed, one seed,
 * services shared, with marks written by the main process, a global set-up on each side of
 * the course's and a set-up file in the worker. The default shared worker has its own split:
 * shared-worker-split.ts.
 */
const suite: BenchSuite = {
  name: 'One copy in a process of its own (--alone, npm run grade): the split of one run',
  async run({ repetitions }) {
    const exercise = selectExercises([process.env.COURSE_BENCH_SPLIT ?? '04-cqrs-decision'])[0]!;
    const mutant = exercise.mutants[0]!;
    const patchFile = mutantPatchFile(exercise.solutionFolder!, mutant);
    const caughtBy = parseMutantPatch(readFileSync(patchFile, 'utf8'), patchFile).caughtBy!;
    const root = await mkdtemp(join(scratchDir, 'bench-split-'));
    await copyExercise(exercise, { kind: 'mutant', name: mutant }, root);
    // As the self-check runs it: every service started once, outside the run, and shared.
    const { services, env } = await startSharedServices([exercise], serviceNames);
    const samples = new Map<string, number[]>();
    const add = (name: string, value: number) => samples.set(name, [...(samples.get(name) ?? []), value]);
    try {
      for (let i = 0; i < repetitions; i++) {
        const marks = join(root, `.split-${i}.jsonl`);
        const spawned = Date.now();
        const { durationMs } = await runInGroup(
          [
            '--import', split('main-marks.mjs'), join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run',
            '--config', split('split-run.config.ts'), '--root', root, '--reporter=json', `--outputFile=${join(root, '.report.json')}`,
            `--reporter=${split('split-reporter.ts')}`, '--testNamePattern', vitestNamePattern(caughtBy.test), caughtBy.file,
          ],
          {
            cwd: root, timeoutMs: 120_000,
            env: {
              ...env, FORCE_COLOR: '0', NO_COLOR: '1', COURSE_FAST_FAIL: '1', [sandboxVariable]: root,
              TSX_DISABLE_CACHE: '1', [seedVariable]: String(1 + i), [splitFileVariable]: marks,
            },
          },
        );
        const at = new Map<string, number>([['spawned', spawned], ['exit seen', spawned + durationMs]]);
        for (const line of readFileSync(marks, 'utf8').trim().split('\n')) {
          const { name, at: when } = JSON.parse(line) as { name: string; at: number };
          if (!at.has(name)) at.set(name, when);
        }
        for (const [metric, from, to] of phases) {
          if (at.has(from) && at.has(to)) add(metric, at.get(to)! - at.get(from)!);
        }
        for (const name of durations) if (at.has(name)) add(`  of which ${name.replace(' (ms)', '')}`, at.get(name)!);
        add('whole run', durationMs);
      }
    } finally {
      await services.stop();
      await rm(root, { recursive: true, force: true });
    }
    const order = [...phases.map(([metric]) => metric), ...durations.map((d) => `  of which ${d.replace(' (ms)', '')}`), 'whole run'];
    return order.filter((metric) => samples.has(metric)).map((metric): BenchFigure => ({ metric: `${exercise.meta.id} ${metric}`, unit: 'ms', samples: samples.get(metric)! }));
  },
};
export default suite;
