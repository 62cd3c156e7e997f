import type { ExerciseMeta } from '../../grading/runner/exercise-catalog.ts';
import { formatLog } from './log-table.ts';
import type { PracticeContext } from './practice-context.ts';
import { loadKata } from './practice-katas.ts';
import { readLog } from './practice-log.ts';

/** The practice log as text, with each practised kata's "repeat until" target from its metadata. */
export async function practiceSummary(ctx: PracticeContext): Promise<string> {
  const log = await readLog(ctx.stateDir);
  const katas = [...new Set([...log.attempts.map((a) => a.kata), ...(log.active ? [log.active.kata] : [])])];
  const targets = new Map<string, ExerciseMeta['repeatUntil'] | string>();
  for (const kata of katas) {
    try {
      targets.set(kata, loadKata(ctx.root, kata).meta.repeatUntil);
    } catch (error) {
      targets.set(kata, (error as Error).message);
    }
  }
  return formatLog(log, targets);
}
