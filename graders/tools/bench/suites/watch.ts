import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createVitest, type TestModule } from 'vitest/node';
import { selectExercises } from '../../../grading/runner/exercise-catalog.ts';
import { repoRoot } from '../../../grading/runner/repo-paths.ts';
import type { BenchFigure, BenchSuite } from '../bench-suite.ts';

/**
 * `npm run watch -- <exercise>` as a learner uses it: the time from saving a file in the
 * exercise's src/ to the end of the re-run it triggers, for an exercise without services
 * (COURSE_BENCH_WATCH names another). The saved file keeps its content, plus a trailing
 * comment that is taken away again afterwards. COURSE_BENCH_WATCH_ISOLATE=1 forces a fresh
 * forked worker per test file, as the watch ran before exercises without services shared a
 * thread, to
 * compare the two back to back.
 */
const suite: BenchSuite = {
  name: 'Watch mode (re-run after a save)',
  async run({ repetitions }) {
    const exercise = selectExercises([process.env.COURSE_BENCH_WATCH ?? '04-cqrs-decision'])[0]!;
    const srcFile = join(exercise.folder, 'src', (await readdir(join(exercise.folder, 'src'))).find((f) => f.endsWith('.ts'))!);
    const original = await readFile(srcFile, 'utf8');
    let runEnded: (() => void) | undefined;
    // Where a re-run's time goes, summed over its test files as Vitest records them per file.
    const parts = new Map<string, number>();
    const split = new Map<string, number[]>();
    const onTestModuleEnd = (module: TestModule) => {
      const d = module.diagnostic();
      const add = (name: string, ms: number) => parts.set(name, (parts.get(name) ?? 0) + ms);
      add('worker start (prepare)', d.prepareDuration);
      add('set-up files', d.setupDuration);
      add('test file import', d.collectDuration);
      add('tests and hooks', d.duration);
    };
    const vitest = await createVitest('test', {
      root: repoRoot, watch: true, project: ['exercises-*'], ...(process.env.COURSE_BENCH_WATCH_ISOLATE === '1' && { isolate: true, pool: 'forks' }), reporters: [{ onTestModuleEnd, onTestRunEnd: () => runEnded?.() }],
    });
    const nextRunEnd = () => new Promise<void>((resolve) => void (runEnded = resolve));
    try {
      const first = nextRunEnd();
      await vitest.start([exercise.meta.id]);
      await first;
      const samples: number[] = [];
      for (let i = 0; i < repetitions; i++) {
        parts.clear();
        const ended = nextRunEnd();
        const saved = performance.now();
        await writeFile(srcFile, `${original}// bench save ${i}\n`);
        await ended;
        samples.push(performance.now() - saved);
        for (const [name, ms] of parts) split.set(name, [...(split.get(name) ?? []), ms]);
        parts.clear();
      }
      return [
        { metric: `${exercise.meta.id}: save to end of re-run`, unit: 'ms', samples, target: { comparison: '<', value: 2000 } },
        ...[...split].map(([name, values]): BenchFigure => ({ metric: `  summed over its files: ${name}`, unit: 'ms', samples: values })),
      ];
    } finally {
      await writeFile(srcFile, original);
      await vitest.close();
    }
  },
};
export default suite;
