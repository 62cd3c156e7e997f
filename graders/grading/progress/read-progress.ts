import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradeResults } from '../grade/grade-results.ts';
import { completionStandard } from '../mistake-log/completion.ts';
import { logFileName, MistakeLogError, readMistakeLog } from '../mistake-log/mistake-log.ts';
import { type Item, loadBank } from '../quiz/bank.ts';
import { QuizLogError, quizLogFileName, readQuizLog } from '../quiz/quiz-log.ts';
import type { ProgressInputs } from './progress.ts';

/** Where the view looks, relative to the checkout. */
export const progressSources = { results: 'results/grade.json', practice: '.course/practice/log.json' };

async function readJson(file: string): Promise<unknown> {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}): repair it or move it away; nothing was changed.`);
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
 * Gathers the view's inputs from a checkout: the grader's results (only the file the grader
 * wrote; nothing is graded here), the practice log, the mistake log and the quiz log. A log
 * that cannot be read counts as empty, and `problems` says which and why.
 */
export async function readProgressInputs(root: string, bank: readonly Item[] = loadBank()): Promise<{ inputs: ProgressInputs; problems: string[] }> {
  const problems: string[] = [];
  const results = (await readJson(join(root, progressSources.results))) as GradeResults | undefined;
  const practice = (await readJson(join(root, progressSources.practice))) as { attempts?: { kata: string; variant: string }[]; reflections?: ProgressInputs['reflections'] } | undefined;
  let entries: Awaited<ReturnType<typeof readMistakeLog>>['entries'] = [];
  try {
    entries = (await readMistakeLog(join(root, logFileName))).entries;
  } catch (error) {
    if (!(error instanceof MistakeLogError)) throw error;
    problems.push(error.message);
  }
  let answers: Awaited<ReturnType<typeof readQuizLog>>['answers'] = [];
  try {
    answers = (await readQuizLog(join(root, quizLogFileName))).answers;
  } catch (error) {
    if (!(error instanceof QuizLogError)) throw error;
    problems.push(error.message);
  }
  const bankByConcept = new Map<number, string[]>();
  for (const item of bank) bankByConcept.set(item.concept, [...(bankByConcept.get(item.concept) ?? []), item.id]);
  return {
    inputs: {
      ...(results ? { results } : {}),
      attempts: (practice?.attempts ?? []).map(({ kata, variant }) => ({ kata, variant })),
      designKatas: designKatas(root),
      reflections: (practice?.reflections ?? []).map(({ kata, at, weighted, change }) => ({ kata, at, weighted, change })),
      mistakeStandard: completionStandard(entries),
      bankByConcept,
      diagnosticItems: bank.filter((i) => i.diagnostic !== undefined).map((i) => i.id),
      diagnosticAnswered: new Set(answers.filter((a) => a.paper === 'diagnostic').map((a) => a.item)),
    },
    problems,
  };
}
