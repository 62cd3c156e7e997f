import { execFileSync } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gradingConcurrency } from '../../../grading/grade/concurrency.ts';
import { gradeCourse } from '../../../grading/grade/grade-course.ts';
import { gradeSubmissions } from '../../../grading/instructor/grade-submissions.ts';
import { writeCourseSnapshot } from '../../../grading/instructor/course-snapshot.ts';
import { readManifest } from '../../../grading/integrity/manifest.ts';
import { type Exercise, selectExercises } from '../../../grading/runner/exercise-catalog.ts';
import { repoRoot, scratchDir } from '../../../grading/runner/repo-paths.ts';
import { startSharedServices } from '../../../grading/runner/shared-services.ts';
import type { BenchFigure, BenchSuite } from '../bench-suite.ts';

/**
 * The grade command end to end on the reference solutions, laid out as a learner's checkout:
 * the whole course as many at a time as npm run grade runs, each exercise graded alone (the
 * learner's wait for `npm run grade -- <id>`, and the grader's own overhead beyond its test
 * runs), and batch grading of many copies.
 * COURSE_BENCH_EXERCISES narrows the exercises, COURSE_BENCH_COPIES the batch (default 20).
 */
const suite: BenchSuite = {
  name: 'Grading (npm run grade, --submissions)',
  async run({ repetitions }) {
    const exercises = selectExercises(process.env.COURSE_BENCH_EXERCISES?.split(',') ?? []);
    const copies = Number(process.env.COURSE_BENCH_COPIES ?? 20);
    const workDir = join(scratchDir, 'bench-grading');
    await rm(workDir, { recursive: true, force: true });
    const manifest = readManifest(repoRoot);
    const course = join(workDir, 'course');
    await writeCourseSnapshot(repoRoot, manifest, course);
    const learner = await referenceCheckout(exercises, join(workDir, 'learner'));
    const { services, env } = await startSharedServices(exercises);
    const grade = (concurrency: number, only: readonly Exercise[] = exercises) =>
      gradeCourse({
        courseRoot: course, learnerRoot: learner, target: 'learner', manifest,
        exercises: only.map((e) => ({ ...e, folder: join(course, 'exercises', e.path) })),
        timeoutMs: 600_000, concurrency, env, services: services.addresses, runDir: join(course, '.course', 'grade'),
      });
    try {
      const total: number[] = [];
      const perExercise = new Map<string, number[]>();
      const overhead: number[] = [];
      for (let i = 0; i < repetitions; i++) {
        const started = performance.now();
        const results = await grade(gradingConcurrency());
        total.push(performance.now() - started);
        if (results.totals.points < results.totals.maxPoints) {
          // A run that measured failing references measured the wrong thing.
          const short = results.exercises.filter((e) => e.points < e.maxPoints).map((e) => `  ${e.id}: ${e.points} of ${e.maxPoints} (${e.status}: ${(e.reason ?? e.firstFailure ?? '').split('\n')[0]})`);
          throw new Error(`the references scored ${results.totals.points} of ${results.totals.maxPoints} while benchmarking; run npm test first\n${short.join('\n')}`);
        }
        // Each exercise graded alone, as `npm run grade -- <id>` grades it: the learner's wait.
        let beyondChildRuns = 0;
        for (const exercise of exercises) {
          const aloneStart = performance.now();
          const alone = await grade(gradingConcurrency(), [exercise]);
          const wall = performance.now() - aloneStart;
          perExercise.set(exercise.meta.id, [...(perExercise.get(exercise.meta.id) ?? []), wall]);
          beyondChildRuns += wall - alone.exercises[0]!.durationMs;
        }
        overhead.push(beyondChildRuns);
      }
      const batch: number[] = [];
      for (let i = 0; i < Math.min(repetitions, 2); i++) {
        const submissions = join(workDir, 'submissions');
        await rm(submissions, { recursive: true, force: true });
        await Promise.all(Array.from({ length: copies }, (_, n) => cp(learner, join(submissions, `learner-${n + 1}`), { recursive: true })));
        const started = performance.now();
        await gradeSubmissions({
          submissionsDir: submissions, outDir: join(workDir, 'report'), exercises, manifest, timeoutMs: 600_000,
          jobs: gradingConcurrency(), env, services: services.addresses, log: () => undefined,
        });
        batch.push(performance.now() - started);
      }
      const figures: BenchFigure[] = [...perExercise].map(([id, samples]) => ({
        metric: `${id}: graded alone, wall time`, unit: 'ms', samples, target: { comparison: '<', value: 10_000 },
      }));
      figures.push(
        { metric: `whole course (${exercises.length} exercises, ${gradingConcurrency()} at a time, as npm run grade)`, unit: 'ms', samples: total, target: { comparison: '<', value: 90_000 } },
        { metric: 'grader overhead beyond the child runs (each graded alone, summed)', unit: 'ms', samples: overhead },
        { metric: `batch of ${copies} copies (--submissions, ${gradingConcurrency()} jobs)`, unit: 's', samples: batch.map((ms) => ms / 1000), target: { comparison: '<', value: 120 } },
      );
      return figures;
    } finally {
      await services.stop();
      await rm(workDir, { recursive: true, force: true });
    }
  },
};
export default suite;

/**
 * A learner checkout whose src/ (and answers.md) are the reference solutions. It is a git
 * repository whose first commit holds the starters as handed out, as a learner's has: a
 * clinic item's first leg runs the learner's reproduction on the shipped code, which the
 * grader reads from that history.
 */
async function referenceCheckout(exercises: readonly Exercise[], into: string): Promise<string> {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', into, '-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { stdio: 'ignore' });
  for (const exercise of exercises) {
    if (!exercise.solutionFolder) throw new Error('The grading benchmark needs the course repository (solutions/).');
    await cp(join(exercise.folder, 'src'), join(into, 'exercises', exercise.path, 'src'), { recursive: true });
  }
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'The starters as handed out');
  for (const exercise of exercises) {
    // A reference holds only what differs from the starter: the learner's copy is both.
    await cp(exercise.solutionFolder!, join(into, 'exercises', exercise.path), {
      recursive: true,
      filter: (path) => !path.includes('/mutants') && !path.includes('/alternates'),
    });
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'The learner\'s work: the references');
  return into;
}
