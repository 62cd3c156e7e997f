import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { gradeCourse, totalsOf } from '../grade/grade-course.ts';
import type { GradeResults } from '../grade/grade-results.ts';
import type { CanonicalTests } from '../grade/score-exercise.ts';
import type { Manifest } from '../integrity/manifest.ts';
import type { Exercise } from '../runner/exercise-catalog.ts';
import { repoRoot } from '../runner/repo-paths.ts';
import type { ServiceAddresses } from '../../services/services.ts';
import { mistakeLogId } from '../grade/clinic-log.ts';
import { withMistakeLog } from '../grade/with-mistake-log.ts';
import { withQuizLog } from '../grade/with-quiz-log.ts';
import { quizId, quizMaxPoints } from '../quiz/practice.ts';
import { learnerProgress } from '../progress/learner-progress.ts';
import { pointsPerEntry, scoredEntries } from '../mistake-log/score-log.ts';
import { writeCourseSnapshot } from './course-snapshot.ts';
import { submissionServices } from './submission-role.ts';
import { formatRunAs, learnerUser, runAsVariable } from '../runner/learner-user.ts';
import { renderSubmissionsCsv } from './submissions-csv.ts';
import { renderSubmissionsHtml } from './submissions-html.ts';

export interface SubmissionGrade {
  learner: string;
  results: GradeResults;
  /** Set when the folder could not be graded at all (not a checkout). */
  problem?: string;
}

export interface SubmissionsRun {
  submissionsDir: string;
  outDir: string;
  exercises: readonly Exercise[];
  manifest: Manifest | undefined;
  /** The tests each exercise's reference run reported; only these count, when given. */
  canonicalTests?: CanonicalTests | undefined;
  timeoutMs: number;
  /** Submissions graded at once; each runs its exercises one at a time. */
  jobs: number;
  env: NodeJS.ProcessEnv;
  services: ServiceAddresses;
  log: (line: string) => void;
  courseRoot?: string;
}

/**
 * `npm run grade -- --submissions DIR`: every subfolder of DIR is one learner's checkout.
 * Each is graded with the course's own tests (only its src/ and answers.md are read), its
 * results kept in OUT/<learner>/grade.json (with the learner's progress view), and all of
 * them summed up in OUT/grades.csv and OUT/report.html.
 */
export async function gradeSubmissions(run: SubmissionsRun): Promise<SubmissionGrade[]> {
  const courseRoot = run.courseRoot ?? repoRoot;
  if (!existsSync(run.submissionsDir)) throw new Error(`${run.submissionsDir} does not exist: give a folder of learner checkouts.`);
  const learners = readdirSync(run.submissionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  if (learners.length === 0) throw new Error(`${run.submissionsDir} has no subfolders: put one learner checkout in each.`);
  const workDir = join(courseRoot, '.course', 'submissions');
  await rm(workDir, { recursive: true, force: true });
  run.log(`Grading ${learners.length} submission(s), ${run.jobs} at a time…`);
  const limit = pLimit(run.jobs);
  let sharedRoleNoted: string | undefined;
  // Learner code runs as an unprivileged user where the grader is root (Actions containers, an instructor's batch).
  const unprivileged = await learnerUser(courseRoot);
  if ('why' in unprivileged && process.getuid?.() === 0) run.log(`  Note: learner code runs as root, under Node's permission model only: ${unprivileged.why}.`);
  const runAs = 'user' in unprivileged ? { [runAsVariable]: formatRunAs(unprivileged.user) } : {};
  const graded = await Promise.all(
    learners.map((learner) => limit(async (): Promise<SubmissionGrade> => {
      const learnerRoot = join(run.submissionsDir, learner);
      if (!existsSync(join(learnerRoot, 'exercises'))) {
        return { learner, results: emptyResults(run), problem: 'no exercises/ folder: not a checkout of the course' };
      }
      const snapshot = join(workDir, learner, 'course');
      await writeCourseSnapshot(courseRoot, run.manifest, snapshot);
      const own = await submissionServices(run.services, { ...run.env, ...runAs });
      if (own.note && !sharedRoleNoted) run.log(`  Note: ${(sharedRoleNoted = own.note)}.`);
      let graded;
      try {
        graded = await gradeCourse({
          courseRoot: snapshot, learnerRoot, target: 'learner', manifest: run.manifest, canonicalTests: run.canonicalTests,
          exercises: run.exercises.map((e) => ({ ...e, folder: join(snapshot, 'exercises', e.path) })),
          timeoutMs: run.timeoutMs, concurrency: 1, env: own.env, services: own.services,
          runDir: join(snapshot, '.course', 'grade'),
        });
      } finally {
        await own.dispose();
      }
      // The log is scored from the learner's checkout, never written there.
      const scored = await withQuizLog(await withMistakeLog(graded, { learnerRoot, selfGraded: false, proven: [], log: run.log }), learnerRoot);
      // Kept in the results file, so a class report merged from shards (--collect) shows it too.
      const results = { ...scored, progress: await learnerProgress(learnerRoot, scored) };
      await rm(join(workDir, learner), { recursive: true, force: true });
      run.log(`  ${learner}: ${results.totals.points}/${results.totals.maxPoints} points` +
        `${results.integrity ? `, ${results.integrity.length} course file(s) changed` : ''}`);
      return { learner, results };
    })),
  );
  await mkdir(run.outDir, { recursive: true });
  for (const { learner, results } of graded) {
    await mkdir(join(run.outDir, learner), { recursive: true });
    await writeFile(join(run.outDir, learner, 'grade.json'), `${JSON.stringify(results, null, 2)}\n`);
  }
  await writeFile(join(run.outDir, 'grades.csv'), renderSubmissionsCsv(graded, reportColumns(run.exercises)));
  await writeFile(join(run.outDir, 'report.html'), renderSubmissionsHtml(graded, reportColumns(run.exercises)));
  run.log(`Wrote ${join(run.outDir, 'grades.csv')} and ${join(run.outDir, 'report.html')}`);
  return graded;
}

/**
 * The report's columns: every exercise, and the mistake log and the quiz when clinic items are
 * graded. The quiz column is self-reported practice: shown as answers, worth 0 points.
 */
export function reportColumns(exercises: readonly Exercise[]): Pick<Exercise, 'meta'>[] {
  if (!exercises.some((e) => e.meta.kind === 'clinic')) return [...exercises];
  const log = { meta: { id: mistakeLogId, points: pointsPerEntry * scoredEntries, title: 'Mistake log' } } as Pick<Exercise, 'meta'>;
  const quiz = { meta: { id: quizId, points: quizMaxPoints, title: 'Quiz: self-reported practice, 0 points' } } as Pick<Exercise, 'meta'>;
  return [...exercises, log, quiz];
}

function emptyResults(run: Pick<SubmissionsRun, 'services'>): GradeResults {
  return noResults(Object.fromEntries(Object.entries(run.services).map(([name, address]) => [name, address.provider])));
}

/** Results for a learner who could not be graded at all: nothing passed, the problem says why. */
export function noResults(services: GradeResults['services']): GradeResults {
  return {
    schemaVersion: 1, course: 'Module 3: Event-Driven Architecture', gradedAt: new Date().toISOString(), target: 'learner',
    runtime: { node: process.version, platform: `${process.platform}-${process.arch}`, durationMs: 0 },
    services, totals: totalsOf([]), exercises: [],
  };
}
