import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { CourseRuleError, selectExercises } from '../runner/exercise-catalog.ts';
import { repoRoot, scratchDir } from '../runner/repo-paths.ts';
import { runVitest } from '../runner/run-vitest.ts';
import { startSharedServices } from '../runner/shared-services.ts';
import { courseSchema, describeSchemaErrors } from '../runner/schema-validator.ts';
import { type CodeSource, copyExercise } from '../runner/variant-copy.ts';
import type { ExerciseResult, GradeResults } from './grade-results.ts';
import { renderScoreboard } from './scoreboard.ts';
import { scoreExercise } from './score-exercise.ts';

const usage = `Usage: npm run grade [-- [exercise ...] [--solutions] [--timeout SECONDS] [--results FILE]]
  exercise       grade only exercises whose path contains this text (e.g. 01 or outbox)
  --solutions    grade the course's reference solutions instead of your code (full marks expected)
  --timeout S    seconds one exercise may run before it scores 0 (default 240)
  --results F    where to write the results JSON (default results/grade.json)`;

let options;
try {
  options = parseArgs({
    allowPositionals: true,
    options: {
      solutions: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '240' },
      results: { type: 'string', default: 'results/grade.json' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
const { values, positionals } = options;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const timeoutSeconds = Number(values.timeout);
if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
  console.error(`--timeout takes a number of seconds greater than 0, not "${values.timeout}".\n\n${usage}`);
  process.exit(2);
}

let exercises;
try {
  exercises = selectExercises(positionals);
} catch (error) {
  if (!(error instanceof CourseRuleError)) throw error;
  console.error(error.message);
  process.exit(2);
}

const started = performance.now();
const target = values.solutions ? 'solutions' : 'learner';
console.log(`Grading ${exercises.length} exercise(s) (${target === 'solutions' ? 'reference solutions' : 'your code'})…`);
const runDir = join(scratchDir, 'grade');
await rm(runDir, { recursive: true, force: true });
const { services, env } = await startSharedServices(exercises);
let graded: ExerciseResult[];
try {
  const limit = pLimit(Math.max(1, Math.min(2, availableParallelism())));
  graded = await Promise.all(
    exercises.map((exercise, index) =>
      limit(async () => {
        const source: CodeSource = values.solutions ? { kind: 'reference' } : { kind: 'learner', folder: exercise.folder };
        const root = await copyExercise(exercise, source, join(runDir, exercise.meta.id));
        const outcome = await runVitest({ root, env, timeoutMs: timeoutSeconds * 1000 });
        const result = scoreExercise(exercise, outcome, services.addresses);
        console.log(
          `  [${index + 1}/${exercises.length}] ${result.id}: ${result.testsPassed}/${result.testsTotal} tests, ` +
            `${result.points}/${result.maxPoints} points (${(result.durationMs / 1000).toFixed(1)} s)`,
        );
        return result;
      }),
    ),
  );
} finally {
  await services.stop();
}

const results: GradeResults = {
  schemaVersion: 1,
  course: 'Module 3: Event-Driven Architecture',
  gradedAt: new Date().toISOString(),
  target,
  runtime: { node: process.version, platform: `${process.platform}-${process.arch}`, durationMs: Math.round(performance.now() - started) },
  services: Object.fromEntries(Object.entries(services.addresses).map(([name, address]) => [name, address.provider])),
  totals: {
    points: Math.round(graded.reduce((sum, e) => sum + e.points, 0) * 100) / 100,
    maxPoints: graded.reduce((sum, e) => sum + e.maxPoints, 0),
    exercises: graded.length,
    exercisesPassed: graded.filter((e) => e.status === 'passed').length,
    testsPassed: graded.reduce((sum, e) => sum + e.testsPassed, 0),
    testsTotal: graded.reduce((sum, e) => sum + e.testsTotal, 0),
  },
  exercises: graded,
};
const validate = courseSchema('results.schema.json');
if (!validate(results)) {
  throw new Error(`The grader built results that break its own schema: ${describeSchemaErrors(validate.errors).join('; ')}`);
}
const resultsFile = resolve(repoRoot, values.results);
await mkdir(dirname(resultsFile), { recursive: true });
await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${renderScoreboard(results, process.stdout.columns || 110)}\nResults: ${relative(repoRoot, resultsFile)}`);
if (target === 'solutions' && results.totals.points < results.totals.maxPoints) {
  console.error('\nThe reference solutions should score full marks: the exercises above that do not are course defects.');
  process.exitCode = 1;
}
