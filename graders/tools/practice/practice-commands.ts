import { join } from 'node:path';
import { attemptStarter, filesAtStake, restoreFiles, saveFiles, writeStarter } from './kata-files.ts';
import type { PracticeContext } from './practice-context.ts';
import { PracticeError } from './practice-error.ts';
import { findKata, findVariant, type Kata, loadKata, type Variant } from './practice-katas.ts';
import { type FinishedAttempt, type PracticeLog, readLog, type SavedWork, type StartedAttempt, writeLog } from './practice-log.ts';
import { starterSource } from './starter-source.ts';

export const savedFolder = (stateDir: string, id: string): string => join(stateDir, 'saved', id);

export interface Started {
  attempt: StartedAttempt;
  kata: Kata;
  variant: Variant;
  saved?: SavedWork;
}

/** Saves the learner's work on the kata, puts its starter back and starts the clock. */
export async function startAttempt(ctx: PracticeContext, kataName: string, variantName?: string): Promise<Started> {
  const log = await readLog(ctx.stateDir);
  if (log.active) {
    throw new PracticeError(
      `An attempt at ${log.active.kata} (${log.active.variant}) is still running since ${log.active.startedAt}. ` +
        'End it with `npm run kata -- stop`, then start again.',
    );
  }
  const kata = findKata(ctx.root, kataName);
  const variant = findVariant(kata, variantName);
  const starter = await attemptStarter(await starterSource(ctx.root, ctx.env), kata, variant);
  const startedAt = new Date(ctx.now()).toISOString();
  const id = uniqueId(log, `${kata.meta.id}-${startedAt.replace(/[-:.]/g, '')}`);

  const atStake = filesAtStake(kata, starter);
  let saved: SavedWork | undefined;
  if (atStake.length > 0) {
    await saveFiles(kata, atStake, savedFolder(ctx.stateDir, id));
    saved = { id, kata: kata.path, savedAt: startedAt, files: atStake };
    log.saved.push(saved);
  }
  await writeStarter(kata, starter);
  const attempt: StartedAttempt = {
    id, kata: kata.path, variant: variant.name, startedAt, timeLimitMinutes: kata.meta.timeLimitMinutes,
    ...(saved ? { savedAs: saved.id } : {}),
  };
  await writeLog(ctx.stateDir, { ...log, active: attempt });
  return { attempt, kata, variant, ...(saved ? { saved } : {}) };
}

/** Ends the running attempt as not passed (the learner gave up, or stopped the clock). */
export async function stopAttempt(ctx: PracticeContext): Promise<FinishedAttempt> {
  const log = await readLog(ctx.stateDir);
  if (!log.active) throw new PracticeError('No attempt is running. Start one with `npm run kata -- start <kata>`.');
  return finish(ctx, log, false);
}

/**
 * Ends attempt `id` as passed, if it is still the running one; a stop from another terminal
 * may have ended it first, and then nothing changes.
 */
export async function recordPass(ctx: PracticeContext, id: string): Promise<FinishedAttempt | undefined> {
  const log = await readLog(ctx.stateDir);
  if (log.active?.id !== id) return undefined;
  return finish(ctx, log, true);
}

/** Whether attempt `id` is still the running one. */
export async function isRunning(ctx: PracticeContext, id: string): Promise<boolean> {
  return (await readLog(ctx.stateDir)).active?.id === id;
}

async function finish(ctx: PracticeContext, log: PracticeLog, passed: boolean): Promise<FinishedAttempt> {
  const active = log.active!;
  const ended = ctx.now();
  const attempt: FinishedAttempt = {
    ...active,
    endedAt: new Date(ended).toISOString(),
    elapsedMs: Math.max(0, ended - Date.parse(active.startedAt)),
    passed,
  };
  const { active: _ended, ...rest } = log;
  await writeLog(ctx.stateDir, { ...rest, attempts: [...log.attempts, attempt] });
  return attempt;
}

/** Copies the newest saved work (of the named kata, when one is named) back into place. */
export async function restoreWork(ctx: PracticeContext, kataName?: string): Promise<SavedWork> {
  const log = await readLog(ctx.stateDir);
  if (log.active) {
    throw new PracticeError(
      `An attempt at ${log.active.kata} is running; end it with \`npm run kata -- stop\` before restoring saved work.`,
    );
  }
  const kataPath = kataName === undefined ? undefined : findKata(ctx.root, kataName).path;
  const saved = log.saved.filter((work) => kataPath === undefined || work.kata === kataPath).at(-1);
  if (!saved) {
    throw new PracticeError(
      `No saved work${kataPath ? ` for ${kataPath}` : ''}: practice mode saves your files when you run ` +
        '`npm run kata -- start <kata>`, and nothing has been saved yet.',
    );
  }
  await restoreFiles(loadKata(ctx.root, saved.kata), saved.files, savedFolder(ctx.stateDir, saved.id));
  return saved;
}

function uniqueId(log: PracticeLog, base: string): string {
  const taken = new Set([...log.attempts.map((a) => a.id), ...log.saved.map((s) => s.id)]);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
