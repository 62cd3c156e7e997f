import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { scratchDir } from '../../grading/runner/repo-paths.ts';

export const defaultStateFile = join(scratchDir, 'quiz-state.json');

export interface QuizState {
  version: 1;
  /** Items answered wrongly and not yet answered rightly since: they come first next time. */
  missed: string[];
  /** Per item: how often answered right and wrong. */
  answered: Record<string, { right: number; wrong: number }>;
  /** The latest diagnostic: solid answers out of five. */
  diagnostic?: { score: number; of: number; at: string };
}

export class QuizStateError extends Error {}

const empty = (): QuizState => ({ version: 1, missed: [], answered: {} });

/** Reads the state; refuses a damaged file rather than starting over and losing it. */
export async function readState(file: string): Promise<QuizState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty();
    throw error;
  }
  let state: Partial<QuizState>;
  try {
    state = JSON.parse(text) as Partial<QuizState>;
  } catch {
    throw new QuizStateError(`${file} is not valid JSON. It holds your quiz progress: repair it, or move it away to start afresh.`);
  }
  if (state.version !== 1 || !Array.isArray(state.missed) || typeof state.answered !== 'object' || state.answered === null) {
    throw new QuizStateError(`${file} is not a quiz state this version understands. Move it away to start afresh.`);
  }
  return state as QuizState;
}

/** Writes the whole state to a temporary file and renames it over the old one: a crash leaves one or the other, never half. */
export async function writeState(file: string, state: QuizState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify(state, null, 2)}\n`);
  await rename(partial, file);
}

/** Records one answer: a miss joins the review list, a right answer leaves it. */
export function record(state: QuizState, id: string, right: boolean): QuizState {
  const counts = state.answered[id] ?? { right: 0, wrong: 0 };
  const missed = state.missed.filter((m) => m !== id);
  return {
    ...state,
    missed: right ? missed : [...missed, id],
    answered: { ...state.answered, [id]: right ? { ...counts, right: counts.right + 1 } : { ...counts, wrong: counts.wrong + 1 } },
  };
}
