import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { courseSchema, describeSchemaErrors } from '../runner/schema-validator.ts';
import { irregularMessage, isIrregularFile } from '../runner/regular-file.ts';

export type EvidenceKind =
  | 'failing-test' | 'counterexample' | 'code' | 'diagram' | 'decision' | 'query' | 'command' | 'proof' | 'benchmark' | 'review';

export interface RepairEvidence {
  kind: EvidenceKind;
  description: string;
  /** The test that shows the repair: it fails at `commit` and passes now. */
  test?: { file: string; name: string };
  commit?: string;
  /** Set by the grader when a clinic item's reproduction test held on its three legs. */
  provenBy?: 'clinic-legs';
}

/** One row of the clinic's mistake log (graders/schemas/mistake-log.schema.json). */
export interface MistakeEntry {
  date: string;
  mistake: string;
  symptom: string;
  rootCause: string;
  repairEvidence: RepairEvidence;
  retrievalCard: string;
  radarRow: string;
  earlierSkill?: string;
  exercise?: string;
}

export interface MistakeLog {
  version: 1;
  entries: MistakeEntry[];
}

/** A log that cannot be read or does not match its schema; the message names file and field. */
export class MistakeLogError extends Error {}

export const logFileName = 'mistake-log.json';

/** The log's path as a learner would type it from where they ran the command. */
const shown = (file: string) => (relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file));
export const emptyLog = (): MistakeLog => ({ version: 1, entries: [] });

/** The learner's log; a missing file is an empty log, anything unreadable is an error. */
export async function readMistakeLog(file: string): Promise<MistakeLog> {
  if (await isIrregularFile(file)) throw new MistakeLogError(irregularMessage(shown(file)));
  if (!existsSync(file)) return emptyLog();
  const text = await readFile(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new MistakeLogError(`${shown(file)} is not valid JSON (${(error as Error).message}). Fix the syntax; nothing was changed.`);
  }
  const problems = mistakeLogProblems(parsed);
  if (problems.length > 0) {
    throw new MistakeLogError(`${shown(file)} does not match graders/schemas/mistake-log.schema.json:\n  ${problems.join('\n  ')}\nFix these fields; nothing was changed.`);
  }
  return parsed as MistakeLog;
}

/** What is wrong with a log or an entry, one line per field ("/entries/2/retrievalCard must ..."). */
export function mistakeLogProblems(log: unknown): string[] {
  const validate = courseSchema('mistake-log.schema.json');
  return validate(log) ? [] : describeSchemaErrors(validate.errors);
}

/**
 * Writes the whole log through a temporary file and a rename, so that an interrupted write
 * leaves the previous log, never half of one.
 */
export async function writeMistakeLog(file: string, log: MistakeLog): Promise<void> {
  const problems = mistakeLogProblems(log);
  if (problems.length > 0) throw new MistakeLogError(`Refusing to write an invalid log:\n  ${problems.join('\n  ')}`);
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  await writeFile(temporary, `${JSON.stringify(log, null, 2)}\n`);
  await rename(temporary, file);
}

/** Reads, appends one entry and writes back; an invalid existing log is left untouched. */
export async function appendMistake(file: string, entry: MistakeEntry): Promise<MistakeLog> {
  const log = await readMistakeLog(file);
  const next: MistakeLog = { ...log, entries: [...log.entries, entry] };
  const problems = mistakeLogProblems(next).filter((line) => line.startsWith(`/entries/${log.entries.length}`));
  if (problems.length > 0) throw new MistakeLogError(`The new entry is not valid:\n  ${problems.join('\n  ')}\nNothing was written.`);
  await writeMistakeLog(file, next);
  return next;
}
