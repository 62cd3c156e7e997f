import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { courseSchema, describeSchemaErrors } from '../../grading/runner/schema-validator.ts';
import { PracticeError } from './practice-error.ts';

export interface StartedAttempt {
  id: string;
  /** The exercise's path below exercises/, e.g. `katas/01-order-placed-event`. */
  kata: string;
  variant: string;
  startedAt: string;
  timeLimitMinutes: number;
  /** The snapshot of the learner's work taken before this attempt, if there was any. */
  savedAs?: string;
}

export interface FinishedAttempt extends StartedAttempt {
  endedAt: string;
  elapsedMs: number;
  passed: boolean;
}

export interface SavedWork {
  id: string;
  kata: string;
  savedAt: string;
  /** Paths relative to the exercise folder. */
  files: string[];
}

/** A design kata's Reflect: the learner's self-scores on the kata's rubric, and one change. */
export interface Reflection {
  /** The design kata's path below exercises/, e.g. `design/01-security-event-pipeline`. */
  kata: string;
  at: string;
  /** 1-5 per rubric dimension (graders/tools/design/rubric.ts). */
  scores: Record<string, number>;
  /** The kata's weights when the reflection was recorded, so later weight changes rewrite no history. */
  weights: Record<string, number>;
  /** Σ weight × score / Σ weight, to one decimal. Earns no points. */
  weighted: number;
  change: string;
}

export interface PracticeLog {
  version: 1;
  active?: StartedAttempt;
  attempts: FinishedAttempt[];
  saved: SavedWork[];
  /** Design katas' reflections, oldest first (absent until the first one). */
  reflections?: Reflection[];
}

export const logFile = (stateDir: string): string => join(stateDir, 'log.json');

/** The practice log, validated; an empty one when practice mode has never run. */
export async function readLog(stateDir: string): Promise<PracticeLog> {
  const file = logFile(stateDir);
  if (!existsSync(file)) return { version: 1, attempts: [], saved: [] };
  const text = await readFile(file, 'utf8');
  let log: unknown;
  try {
    log = JSON.parse(text);
  } catch (error) {
    throw corrupt(file, `it is not valid JSON (${(error as Error).message})`);
  }
  const validate = courseSchema('practice-log.schema.json');
  if (!validate(log)) throw corrupt(file, describeSchemaErrors(validate.errors).join('; '));
  return log as PracticeLog;
}

/** Writes the whole log at once (a rename), so a reader never sees half of it. */
export async function writeLog(stateDir: string, log: PracticeLog): Promise<void> {
  const validate = courseSchema('practice-log.schema.json');
  if (!validate(log)) {
    throw new Error(`refusing to write a practice log that breaks its schema: ${describeSchemaErrors(validate.errors).join('; ')}`);
  }
  await mkdir(stateDir, { recursive: true });
  const file = logFile(stateDir);
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify(log, null, 2)}\n`);
  await rename(partial, file);
}

function corrupt(file: string, why: string): PracticeError {
  return new PracticeError(
    `The practice log ${file} is damaged: ${why}. It was left as it is. ` +
      'Fix it by hand (graders/schemas/practice-log.schema.json says what it must hold), ' +
      'or move it aside (for example to log.json.bak) to start a new log.',
  );
}
