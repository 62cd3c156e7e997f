import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { selectExercises } from '../../../grading/runner/exercise-catalog.ts';
import { repoRoot } from '../../../grading/runner/repo-paths.ts';
import type { BenchFigure, BenchSuite } from '../bench-suite.ts';

/** The size the course is planned to reach; its time is projected linearly from today's. */
const plannedExercises = 45;

/**
 * `npm test` as a maintainer runs it, cache off: one exercise at a time (the edit-one loop),
 * its copies in one shared worker (the default) and with --alone (a process per copy) to
 * compare, and the whole course, projected to the planned size. A whole run takes minutes,
 * so it is repeated at most COURSE_BENCH_FULL_RUNS times (default 3; 0 leaves it out)
 * whatever --repetitions says.
 */
const suite: BenchSuite = {
  name: 'Self-check (npm test, no cache)',
  async run({ repetitions }) {
    const exercises = selectExercises(process.env.COURSE_BENCH_EXERCISES?.split(',') ?? []);
    const figures: BenchFigure[] = [];
    for (const exercise of exercises) {
      // The shared worker (the default) and a process per copy, taking turns, so both see the same load.
      const shared: number[] = [];
      const alone: number[] = [];
      for (let i = 0; i < repetitions; i++) {
        shared.push(await timeSelfcheck([exercise.path, '--no-cache']));
        alone.push(await timeSelfcheck([exercise.path, '--no-cache', '--alone']));
      }
      figures.push(
        { metric: `${exercise.meta.id}: npm test -- <it> --no-cache`, unit: 's', samples: shared, target: { comparison: '<', value: 30 } },
        { metric: `${exercise.meta.id}: the same, --alone`, unit: 's', samples: alone },
      );
    }
    const fullRuns = Math.min(repetitions, Number(process.env.COURSE_BENCH_FULL_RUNS ?? 3));
    // COURSE_BENCH_FULL_RUNS=0 times the chosen exercises only: a figure needs samples.
    if (fullRuns === 0) return figures;
    const whole: number[] = [];
    for (let i = 0; i < fullRuns; i++) whole.push(await timeSelfcheck(['--no-cache']));
    const total = selectExercises([]).length;
    figures.push(
      { metric: `whole course (${total} exercises)`, unit: 's', samples: whole },
      {
        metric: `projected to ${plannedExercises} exercises (linear)`, unit: 's',
        samples: whole.map((s) => (s * plannedExercises) / total), target: { comparison: '<', value: 360 },
      },
    );
    return figures;
  },
};
export default suite;

/** Wall time of one `npm test` run with these arguments, in seconds; a failing run is an error. */
function timeSelfcheck(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'graders/tools/selfcheck/cli.ts', ...args], {
    cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' },
  });
  let tail = '';
  const keep = (chunk: Buffer) => void (tail = (tail + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      if (code === 0) resolve((performance.now() - started) / 1000);
      else reject(new Error(`npm test -- ${args.join(' ')} failed (exit ${code}) while benchmarking; fix it first:\n${tail}`));
    });
  });
}
