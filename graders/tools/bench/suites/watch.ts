import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createVitest } from 'vitest/node';
import { selectExercises } from '../../../grading/runner/exercise-catalog.ts';
import { repoRoot } from '../../../grading/runner/repo-paths.ts';
import type { BenchSuite } from '../bench-suite.ts';

/**
 * `npm run watch -- <exercise>` as a learner uses it: the time from saving a file in the
 * exercise's src/ to the end of the re-run it triggers, for an exercise without services
 * (COURSE_BENCH_WATCH names another). The saved file keeps its content, plus a trailing
 * comment that is taken away again afterwards.
 */
const suite: BenchSuite = {
  name: 'Watch mode (re-run after a save)',
  async run({ repetitions }) {
    const exercise = selectExercises([process.env.COURSE_BENCH_WATCH ?? '04-cqrs-decision'])[0]!;
    const srcFile = join(exercise.folder, 'src', (await readdir(join(exercise.folder, 'src'))).find((f) => f.endsWith('.ts'))!);
    const original = await readFile(srcFile, 'utf8');
    let runEnded: (() => void) | undefined;
    const vitest = await createVitest('test', {
      root: repoRoot, watch: true, project: ['exercises'], reporters: [{ onTestRunEnd: () => runEnded?.() }],
    });
    const nextRunEnd = () => new Promise<void>((resolve) => void (runEnded = resolve));
    try {
      const first = nextRunEnd();
      await vitest.start([exercise.meta.id]);
      await first;
      const samples: number[] = [];
      for (let i = 0; i < repetitions; i++) {
        const ended = nextRunEnd();
        const saved = performance.now();
        await writeFile(srcFile, `${original}// bench save ${i}\n`);
        await ended;
        samples.push(performance.now() - saved);
      }
      return [{ metric: `${exercise.meta.id}: save to end of re-run`, unit: 'ms', samples, target: { comparison: '<', value: 2000 } }];
    } finally {
      await writeFile(srcFile, original);
      await vitest.close();
    }
  },
};
export default suite;
