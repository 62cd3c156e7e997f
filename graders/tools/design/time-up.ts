import type { FinishedAttempt, PracticeLog, StartedAttempt } from '../practice/practice-log.ts';

/** A practice attempt at the kata whose time limit has run out. */
export interface TimeUp {
  startedAt: string;
  timeLimitMinutes: number;
}

/**
 * Whether the time limit ran out on the kata's latest practice attempt (`npm run kata --
 * start <kata>`): the running one, by the clock `now`; a finished one, by how long it ran.
 * No attempt, or a latest attempt that ended within its limit, keeps Compare's gate shut.
 */
export function practiceTimeUp(log: PracticeLog, kataPath: string, now: number): TimeUp | undefined {
  const attempts: (StartedAttempt | FinishedAttempt)[] = [...log.attempts, ...(log.active ? [log.active] : [])].filter((a) => a.kata === kataPath);
  const latest = attempts.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt)).at(-1);
  if (latest === undefined) return undefined;
  const ran = 'elapsedMs' in latest ? (latest as FinishedAttempt).elapsedMs : now - Date.parse(latest.startedAt);
  return ran >= latest.timeLimitMinutes * 60_000 ? { startedAt: latest.startedAt, timeLimitMinutes: latest.timeLimitMinutes } : undefined;
}
