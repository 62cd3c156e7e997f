import { join } from 'node:path';
import pLimit from 'p-limit';
import { manifestPath } from '../integrity/course-files.ts';
import { compareWithManifest, type Manifest } from '../integrity/manifest.ts';
import type { Exercise } from '../runner/exercise-catalog.ts';
import { runVitest } from '../runner/run-vitest.ts';
import type { ServiceAddresses } from '../../services/services.ts';
import { CourseGuard } from './course-guard.ts';
import { changedInCopy, layOutExercise } from './exercise-copy.ts';
import type { ExerciseResult, GradeResults, IntegrityFinding } from './grade-results.ts';
import { type CanonicalTests, scoreExercise } from './score-exercise.ts';
import { runClinic } from './clinic-legs.ts';
import { withLegs } from './clinic-score.ts';
import { isClinic } from '../runner/reproduction-legs.ts';
import { isSelfReportedPractice } from '../quiz/practice.ts';

export interface GradeRun {
  /** The course checkout whose tests, configs and graders grade the work. */
  courseRoot: string;
  /** The checkout whose `exercises/<path>/src/` and `answers.md` are graded (may be courseRoot). */
  learnerRoot: string;
  exercises: readonly Exercise[];
  target: 'learner' | 'solutions';
  /** The course's manifest, read before any learner code ran; undefined when it has none. */
  manifest: Manifest | undefined;
  timeoutMs: number;
  concurrency: number;
  /** Environment of the child test runs, with the shared services' addresses. */
  env: NodeJS.ProcessEnv;
  services: ServiceAddresses;
  /** Scratch folder inside the course checkout (so copies resolve its node_modules). */
  runDir: string;
  onExercise?: (result: ExerciseResult, done: number, total: number) => void;
  /** Per exercise id, the tests its reference run reported: only these count, when given. */
  canonicalTests?: CanonicalTests;
  /** A clinic item passed, its reproduction proven on every leg by the test named. */
  onClinicProven?: (exercise: Exercise, testName: string) => void;
}

/**
 * Grades every exercise of one checkout and returns the results file's content. Course files
 * come from the manifest's hashes, never from a changed copy; every difference is reported,
 * and an exercise whose tests cannot be trusted scores 0 with the reason.
 */
export async function gradeCourse(run: GradeRun): Promise<GradeResults> {
  const started = performance.now();
  const checkoutChanges = run.manifest ? await compareWithManifest(run.learnerRoot, run.manifest) : [];
  const guard = await CourseGuard.watch(run.courseRoot);
  const sources = run.learnerRoot === run.courseRoot ? [run.courseRoot] : [run.courseRoot, run.learnerRoot];
  const running = new Set<string>();
  const changedDuring = new Map<string, IntegrityFinding[]>();
  const missingFiles = new Set<string>();
  const limit = pLimit(Math.max(1, run.concurrency));
  // Slots no other exercise takes go to the runs there are: one exercise graded alone runs its
  // test files as many at a time as the grader would run exercises (Kata 2: 29 s → 13 s on two cores).
  const maxWorkers = Math.max(1, Math.floor(run.concurrency / Math.max(1, Math.min(run.concurrency, run.exercises.length))));
  let done = 0;

  const gradeOne = async (exercise: Exercise): Promise<ExerciseResult> => {
    if (run.target === 'solutions' && exercise.solutionFolder === undefined) {
      throw new Error(`${exercise.path} has no reference solution here: --solutions works in the course repository only.`);
    }
    // A reference holds only the files that differ from the starter, so it is laid over it.
    const codeFolders =
      run.target === 'learner' ? [join(run.learnerRoot, 'exercises', exercise.path)] : [exercise.folder, exercise.solutionFolder!];
    const copy = await layOutExercise({
      exercise, codeFolders, manifest: run.manifest, sources, into: join(run.runDir, exercise.meta.id),
    });
    copy.missing.forEach((file) => missingFiles.add(file));
    running.add(exercise.meta.id);
    let result: ExerciseResult;
    if (isClinic(exercise)) {
      // Its course tests and its reproduction's legs in one Vitest process, each file still in a fork of its own.
      const clinic = await runClinic({
        exercise, target: run.target, learnerRoot: run.learnerRoot, manifest: run.manifest, sources,
        repairCopy: copy.root, env: run.env, timeoutMs: run.timeoutMs, maxWorkers,
      });
      result = withLegs(exercise, scoreExercise(exercise, clinic.behaviour, run.services, run.canonicalTests?.[exercise.meta.id]), clinic.legs);
      if (clinic.provenTestName && result.status === 'passed') run.onClinicProven?.(exercise, clinic.provenTestName);
    } else {
      const outcome = await runVitest({ root: copy.root, env: run.env, timeoutMs: run.timeoutMs, maxWorkers });
      result = scoreExercise(exercise, outcome, run.services, run.canonicalTests?.[exercise.meta.id]);
    }
    const during = await guard.check();
    if (during.length > 0) {
      // Whoever ran at that moment may have written them: none of those runs is trusted.
      const findings = during.map((c): IntegrityFinding => ({ ...c, handling: 'course-copy', during: 'grading' }));
      for (const id of running) changedDuring.set(id, [...(changedDuring.get(id) ?? []), ...findings]);
    }
    running.delete(exercise.meta.id);
    const changedCopy = await changedInCopy(copy);
    if (copy.missing.length > 0) {
      result = zero(result, `${copy.missing.join(', ')} differ(s) from the course's copy, and the course's copy is not ` +
        'in this checkout or its git history: restore it (git checkout -- <file>) and grade again');
    } else if (copy.refused.length > 0) {
      result = zero(result, `${copy.refused.join(', ')}: not a plain file or folder (a symlink, a named pipe or a device); put the file itself there`);
    } else if (changedCopy.length > 0) {
      result = zero(result, `the code under test rewrote course files while its tests ran (${changedCopy.join(', ')})`);
    }
    run.onExercise?.(result, ++done, run.exercises.length);
    return result;
  };

  const graded = await Promise.all(run.exercises.map((exercise) => limit(() => gradeOne(exercise))));
  const exercises = graded.map((result) => {
    const findings = changedDuring.get(result.id);
    if (!findings || result.status === 'error') return result;
    return zero(result, `while its tests ran, course files changed (${findings.map((f) => f.file).join(', ')}); they were put back`);
  });
  const integrity = integrityFindings(run, checkoutChanges, missingFiles, [...changedDuring.values()].flat());
  return {
    schemaVersion: 1,
    course: 'Module 3: Event-Driven Architecture',
    gradedAt: new Date().toISOString(),
    target: run.target,
    runtime: { node: process.version, platform: `${process.platform}-${process.arch}`, durationMs: Math.round(performance.now() - started) },
    services: Object.fromEntries(Object.entries(run.services).map(([name, address]) => [name, address.provider])),
    ...(integrity.length > 0 ? { integrity } : {}),
    totals: totalsOf(exercises),
    exercises,
  };
}

function integrityFindings(
  run: GradeRun,
  checkoutChanges: readonly { file: string; change: IntegrityFinding['change'] }[],
  missing: ReadonlySet<string>,
  during: readonly IntegrityFinding[],
): IntegrityFinding[] {
  if (!run.manifest) return [{ file: manifestPath, change: 'deleted', handling: 'as-is' }];
  const separate = run.learnerRoot !== run.courseRoot;
  const before = checkoutChanges.map(({ file, change }): IntegrityFinding => {
    const inExercise = file.startsWith('exercises/');
    const handling: IntegrityFinding['handling'] = missing.has(file)
      ? 'scored-zero'
      : change === 'added'
        ? inExercise || separate ? 'left-out' : 'as-is'
        : inExercise || separate ? 'course-copy' : 'as-is';
    return { file, change, handling };
  });
  const seen = new Set<string>();
  const unique = during.filter((finding) => !seen.has(finding.file) && seen.add(finding.file));
  return [...before, ...unique];
}

function zero(result: ExerciseResult, reason: string): ExerciseResult {
  return { ...result, status: 'error', points: 0, reason };
}

export function totalsOf(entries: readonly ExerciseResult[]): GradeResults['totals'] {
  // Self-reported practice (the quiz) is shown beside the exercises but is in no total.
  const exercises = entries.filter((e) => !isSelfReportedPractice(e));
  return {
    points: Math.round(exercises.reduce((sum, e) => sum + e.points, 0) * 100) / 100,
    maxPoints: exercises.reduce((sum, e) => sum + e.maxPoints, 0),
    exercises: exercises.length,
    exercisesPassed: exercises.filter((e) => e.status === 'passed').length,
    testsPassed: exercises.reduce((sum, e) => sum + e.testsPassed, 0),
    testsTotal: exercises.reduce((sum, e) => sum + e.testsTotal, 0),
  };
}
