import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { irregularMessage, isIrregularFile } from '../runner/regular-file.ts';
import { courseSchema, describeSchemaErrors } from '../runner/schema-validator.ts';

/** The learner's committed record of quiz answers, at the repository root. */
export const quizLogFileName = 'quiz-log.json';

export interface QuizAnswer {
  item: string;
  given: string;
  at: string;
  paper?: 'quiz' | 'diagnostic';
}
export interface QuizLog {
  version: 1;
  answers: QuizAnswer[];
}

export class QuizLogError extends Error {}

/** Reads and checks the log; a missing file is an empty log, a damaged one is refused, never replaced. */
export async function readQuizLog(file: string): Promise<QuizLog> {
  if (await isIrregularFile(file)) throw new QuizLogError(irregularMessage(file));
  if (!existsSync(file)) return { version: 1, answers: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new QuizLogError(`${file} is not valid JSON (${(error as Error).message}). It holds your quiz answers: repair it; nothing was changed.`);
  }
  const validate = courseSchema('quiz-log.schema.json');
  if (!validate(parsed)) {
    throw new QuizLogError(`${file} does not match graders/schemas/quiz-log.schema.json:\n  ${describeSchemaErrors(validate.errors).join('\n  ')}\nFix these fields; nothing was changed.`);
  }
  return parsed as QuizLog;
}

/** Appends one answer, writing a temporary file and renaming it over the log: never half a log. */
export async function appendQuizAnswer(file: string, answer: QuizAnswer): Promise<void> {
  const log = await readQuizLog(file);
  await mkdir(dirname(file), { recursive: true });
  const partial = join(dirname(file), `.${quizLogFileName}.${process.pid}.tmp`);
  await writeFile(partial, `${JSON.stringify({ ...log, answers: [...log.answers, answer] }, null, 2)}\n`);
  await rename(partial, file);
}
