import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradeResults } from '../grade/grade-results.ts';
import type { Exercise } from '../runner/exercise-catalog.ts';
import { courseSchema, describeSchemaErrors } from '../runner/schema-validator.ts';
import type { RosterLearner } from './class-roster.ts';
import { noResults, reportColumns, type SubmissionGrade } from './grade-submissions.ts';
import { renderSubmissionsCsv } from './submissions-csv.ts';
import { renderSubmissionsHtml } from './submissions-html.ts';

const validate = courseSchema('results.schema.json');

/**
 * `npm run grade -- --collect DIR`: merges the results the class workflow's shards uploaded
 * (DIR/<artifact>/<learner>/grade.json, or DIR/<learner>/grade.json) into one CSV and HTML
 * report. A results file that does not parse or breaks the schema, a learner found twice,
 * and a roster learner with no results are each reported on that learner's row; the reports
 * are written whole (to a temporary name, then renamed) or not at all.
 */
export async function collectResults(options: {
  dir: string; outDir: string; exercises: readonly Exercise[]; roster?: readonly RosterLearner[]; log: (line: string) => void;
}): Promise<SubmissionGrade[]> {
  if (!existsSync(options.dir)) throw new Error(`--collect ${options.dir}: no such folder; download the shards' artifacts into it first.`);
  const found = new Map<string, string[]>();
  for (const entry of await readdir(options.dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = join(options.dir, entry.name);
    if (existsSync(join(folder, 'grade.json'))) add(found, entry.name, join(folder, 'grade.json'));
    else {
      for (const inner of await readdir(folder, { withFileTypes: true })) {
        if (inner.isDirectory() && existsSync(join(folder, inner.name, 'grade.json'))) add(found, inner.name, join(folder, inner.name, 'grade.json'));
      }
    }
  }
  const learners = [...new Set([...found.keys(), ...(options.roster ?? []).map((l) => l.learner)])].sort();
  const grades: SubmissionGrade[] = [];
  for (const learner of learners) grades.push(await readOne(learner, found.get(learner)));
  if (grades.length === 0) throw new Error(`--collect ${options.dir}: no <learner>/grade.json anywhere in it, and no roster to name who is missing.`);
  await mkdir(options.outDir, { recursive: true });
  const columns = reportColumns(options.exercises);
  await writeWhole(join(options.outDir, 'grades.csv'), renderSubmissionsCsv(grades, columns));
  await writeWhole(join(options.outDir, 'report.html'), renderSubmissionsHtml(grades, columns));
  const problems = grades.filter((g) => g.problem);
  options.log(`Collected ${grades.length - problems.length} learner(s)' results${problems.length ? `; ${problems.length} with a problem:` : '.'}`);
  for (const { learner, problem } of problems) options.log(`  ${learner}: ${problem}`);
  options.log(`Wrote ${join(options.outDir, 'grades.csv')} and ${join(options.outDir, 'report.html')}`);
  return grades;
}

function add(found: Map<string, string[]>, learner: string, file: string): void {
  found.set(learner, [...(found.get(learner) ?? []), file]);
}

async function readOne(learner: string, files: readonly string[] | undefined): Promise<SubmissionGrade> {
  const missing = (problem: string): SubmissionGrade => ({ learner, results: noResults({}), problem });
  if (!files) return missing('no results: the shard that grades this learner failed or was cancelled');
  if (files.length > 1) return missing(`results found ${files.length} times (${files.join(', ')}): each learner belongs to one shard`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(files[0]!, 'utf8'));
  } catch (error) {
    return missing(`${files[0]} is not JSON (${(error as Error).message})`);
  }
  if (!validate(parsed)) return missing(`${files[0]} is not a results file: ${describeSchemaErrors(validate.errors).join('; ')}`);
  return { learner, results: parsed as GradeResults };
}

async function writeWhole(file: string, text: string): Promise<void> {
  const temporary = `${file}.partial`;
  await rm(temporary, { force: true });
  await writeFile(temporary, text);
  await rename(temporary, file);
}
