import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradeResults } from '../grade/grade-results.ts';
import { completionStandard } from '../mistake-log/completion.ts';
import { logFileName, MistakeLogError, readMistakeLog } from '../mistake-log/mistake-log.ts';
import { type Item, loadBank } from '../quiz/bank.ts';
import { QuizLogError, quizLogFileName, readQuizLog } from '../quiz/quiz-log.ts';
import { irregularMessage, isIrregularFile } from '../runner/regular-file.ts';
import { courseSchema, describeSchemaErrors } from '../runner/schema-validator.ts';
import type { ProgressInputs } from './progress.ts';

/** Where the view looks, relative to the checkout. */
export const progressSources = { results: 'results/grade.json', practice: '.course/practice/log.json' };

class UnreadableLog extends Error {}

async function readJson(file: string): Promise<unknown> {
  if (await isIrregularFile(file)) throw new UnreadableLog(irregularMessage(file));
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UnreadableLog(`${file} is not valid JSON (${(error as Error).message}): repair it or move it away; nothing was changed.`);
  }
}

/** The design katas of the checkout: the folders under exercises/design/ that hold an exercise.json. */
function designKatas(root: string): string[] {
  const folder = join(root, 'exercises', 'design');
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'exercise.json')))
    .map((entry) => `design/${entry.name}`).sort();
}

/**
 * Gathers the view's inputs from a checkout: the grader's results (given, or else only the
 * file the grader wrote; nothing is graded here), the practice log, the mistake log and the
 * quiz log. A file that cannot be read counts as empty, and `problems` says which and why:
 * the view is shown for whatever the checkout holds, never refused.
 */
export async function readProgressInputs(
  root: string, bank: readonly Item[] = loadBank(), given: { results?: GradeResults } = {},
): Promise<{ inputs: ProgressInputs; problems: string[] }> {
  const problems: string[] = [];
  const attempt = async <T>(read: () => Promise<T>, empty: T): Promise<T> => {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof UnreadableLog || error instanceof MistakeLogError || error instanceof QuizLogError)) throw error;
      problems.push(error.message);
      return empty;
    }
  };
  const results = given.results ?? await attempt(() => readResults(join(root, progressSources.results)), undefined);
  const { attempts, reflections } = await attempt(() => readPractice(join(root, progressSources.practice)), { attempts: [], reflections: [] });
  const entries = await attempt(async () => (await readMistakeLog(join(root, logFileName))).entries, []);
  const answers = await attempt(async () => (await readQuizLog(join(root, quizLogFileName))).answers, []);
  const bankByConcept = new Map<number, string[]>();
  for (const item of bank) bankByConcept.set(item.concept, [...(bankByConcept.get(item.concept) ?? []), item.id]);
  return {
    inputs: {
      ...(results ? { results } : {}),
      attempts,
      designKatas: designKatas(root),
      reflections,
      mistakeStandard: completionStandard(entries),
      bankByConcept,
      diagnosticItems: bank.filter((i) => i.diagnostic !== undefined).map((i) => i.id),
      diagnosticAnswered: new Set(answers.filter((a) => a.paper === 'diagnostic').map((a) => a.item)),
    },
    problems,
  };
}

async function readResults(file: string): Promise<GradeResults | undefined> {
  const parsed = await readJson(file);
  if (parsed === undefined) return undefined;
  const validate = courseSchema('results.schema.json');
  if (!validate(parsed)) throw new UnreadableLog(`${file} is not a results file (${describeSchemaErrors(validate.errors).join('; ')}): run npm run grade again.`);
  return parsed as GradeResults;
}

/** Finished practice attempts, from a log held to practice mode's own schema. */
async function readPractice(file: string): Promise<Pick<ProgressInputs, 'attempts' | 'reflections'>> {
  const parsed = await readJson(file);
  if (parsed === undefined) return { attempts: [], reflections: [] };
  const validate = courseSchema('practice-log.schema.json');
  if (!validate(parsed)) {
    throw new UnreadableLog(`${file} does not match graders/schemas/practice-log.schema.json (${describeSchemaErrors(validate.errors).join('; ')}); its attempts are not counted, and nothing was changed.`);
  }
  const log = parsed as { attempts: { kata: string; variant: string }[]; reflections?: NonNullable<ProgressInputs['reflections']> };
  return {
    attempts: log.attempts.map(({ kata, variant }) => ({ kata, variant })),
    reflections: (log.reflections ?? []).map(({ kata, at, weighted, change }) => ({ kata, at, weighted, change })),
  };
}
