import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { readRoster } from '../instructor/class-roster.ts';
import { collectResults } from '../instructor/collect-results.ts';
import { gradeSubmissions } from '../instructor/grade-submissions.ts';
import { readManifest } from '../integrity/manifest.ts';
import { CourseRuleError, selectExercises } from '../runner/exercise-catalog.ts';
import { repoRoot, scratchDir } from '../runner/repo-paths.ts';
import { courseSchema, describeSchemaErrors } from '../runner/schema-validator.ts';
import { startSharedServices } from '../runner/shared-services.ts';
import { parseGradeOptions, usage } from './cli-options.ts';
import { type ProvenItem } from './clinic-log.ts';
import { gradeCourse } from './grade-course.ts';
import { withMistakeLog } from './with-mistake-log.ts';
import type { GradeResults } from './grade-results.ts';
import { renderScoreboard } from './scoreboard.ts';
import { writeReports } from './write-reports.ts';

let options;
try {
  options = parseGradeOptions(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
if (options.help) {
  console.log(usage);
  process.exit(0);
}
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
const validate = courseSchema('results.schema.json');
const learnerRoot = options.learner ? resolve(options.learner) : repoRoot;
if (options.learner && !existsSync(join(learnerRoot, 'exercises'))) {
  fail(`--learner ${options.learner}: no exercises/ folder there; point it at the root of a learner's checkout.`);
}

if (options.collect) {
  try {
    await collectResults({
      dir: resolve(options.collect), outDir: resolve(repoRoot, options.out), exercises: selectExercises([]),
      ...(options.roster ? { roster: await readRoster(resolve(options.roster)) } : {}), log: console.log,
    });
  } catch (error) {
    fail((error as Error).message);
  }
  process.exit(0);
}

let results: GradeResults;
if (options.fromResults) {
  const file = resolve(options.fromResults);
  if (!existsSync(file)) fail(`--from-results ${options.fromResults}: no such file; run npm run grade first.`);
  results = JSON.parse(await readFile(file, 'utf8')) as GradeResults;
  if (!validate(results)) fail(`${options.fromResults} is not a results file: ${describeSchemaErrors(validate.errors).join('; ')}`);
} else {
  let exercises;
  try {
    exercises = selectExercises(options.filters);
  } catch (error) {
    if (!(error instanceof CourseRuleError)) throw error;
    fail(error.message);
  }
  // Read before any learner code runs: code under test cannot rewrite what it is compared with.
  const manifest = readManifest(repoRoot);
  const { services, env } = await startSharedServices(exercises!);
  try {
    if (options.submissions) {
      await gradeSubmissions({
        submissionsDir: resolve(options.submissions), outDir: resolve(repoRoot, options.out), exercises: exercises!,
        manifest, timeoutMs: options.timeoutMs, jobs: options.jobs, env, services: services.addresses, log: console.log,
      });
      process.exit(0);
    }
    const target = options.solutions ? 'solutions' : 'learner';
    console.log(`Grading ${exercises!.length} exercise(s) (${target === 'solutions' ? 'reference solutions' : options.learner ?? 'your code'})…`);
    const runDir = join(scratchDir, 'grade');
    const proven: ProvenItem[] = [];
    await rm(runDir, { recursive: true, force: true });
    results = await gradeCourse({
      courseRoot: repoRoot, learnerRoot, exercises: exercises!, target, manifest,
      timeoutMs: options.timeoutMs, concurrency: Math.max(1, Math.min(2, availableParallelism())),
      env, services: services.addresses, runDir,
      onClinicProven: (exercise, testName) => proven.push({ exercise, testName }),
      onExercise: (r, done, total) =>
        console.log(`  [${done}/${total}] ${r.id}: ${r.testsPassed}/${r.testsTotal} tests, ${r.points}/${r.maxPoints} points (${(r.durationMs / 1000).toFixed(1)} s)`),
    });
    results = await withMistakeLog(results, { learnerRoot, selfGraded: learnerRoot === repoRoot, proven, log: console.log });
  } finally {
    await services.stop();
  }
  if (!validate(results)) {
    throw new Error(`The grader built results that break its own schema: ${describeSchemaErrors(validate.errors).join('; ')}`);
  }
  const resultsFile = resolve(repoRoot, options.results);
  await mkdir(dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${renderScoreboard(results, process.stdout.columns || 110)}\nResults: ${relative(repoRoot, resultsFile)}`);
}

let stepPassed = true;
try {
  stepPassed = await writeReports(results, options.reports, { learnerRoot, env: process.env, log: console.log });
} catch (error) {
  fail((error as Error).message);
}
if (results.target === 'solutions' && results.totals.points < results.totals.maxPoints) {
  console.error('\nThe reference solutions should score full marks: the exercises above that do not are course defects.');
  process.exitCode = 1;
}
if (!stepPassed) process.exitCode = 1;
