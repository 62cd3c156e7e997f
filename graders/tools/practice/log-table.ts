import type { ExerciseMeta } from '../../grading/runner/exercise-catalog.ts';
import type { FinishedAttempt, PracticeLog } from './practice-log.ts';

/** How far a kata's attempts are from its "repeat until" target. */
export interface TargetProgress {
  kata: string;
  target?: NonNullable<ExerciseMeta['repeatUntil']>;
  /** Variants passed within the target time, in the order they were first reached. */
  variantsWithin: string[];
  variantsNeeded: number;
  met: boolean;
}

export const withinLimit = (attempt: FinishedAttempt): boolean => attempt.elapsedMs <= attempt.timeLimitMinutes * 60_000;

/** Passed attempts within the target's minutes, counted once per variant. */
export function targetProgress(kata: string, attempts: FinishedAttempt[], target: ExerciseMeta['repeatUntil']): TargetProgress {
  const variantsNeeded = target?.distinctVariants ?? 1;
  if (!target) return { kata, variantsWithin: [], variantsNeeded, met: false };
  const variantsWithin = [
    ...new Set(
      attempts
        .filter((a) => a.kata === kata && a.passed && a.elapsedMs <= target.minutes * 60_000)
        .map((a) => a.variant),
    ),
  ];
  return { kata, target, variantsWithin, variantsNeeded, met: variantsWithin.length >= variantsNeeded };
}

export const formatDuration = (ms: number): string => {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/**
 * The log as a learner reads it: one row per finished attempt, then one line per kata on its
 * "repeat until" target. `targets` gives each kata's target (undefined when it has none, or an
 * error text when its metadata cannot be read).
 */
export function formatLog(log: PracticeLog, targets: Map<string, ExerciseMeta['repeatUntil'] | string>): string {
  if (log.attempts.length === 0 && !log.active) {
    return 'No attempts yet. Start one with `npm run kata -- start <kata> [--variant <name>]`.';
  }
  const header = ['kata', 'variant', 'started', 'time', 'passed', 'within limit'];
  const rows = log.attempts.map((a) => [
    a.kata.split('/')[1]!,
    a.variant,
    a.startedAt.slice(0, 16).replace('T', ' '),
    formatDuration(a.elapsedMs),
    a.passed ? 'yes' : 'no',
    `${withinLimit(a) ? 'yes' : 'no'} (${a.timeLimitMinutes} min)`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  const lines = [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
  if (log.active) lines.push('', `Running: ${log.active.kata} (${log.active.variant}) since ${log.active.startedAt}.`);

  lines.push('', 'Repeat until:');
  for (const [kata, target] of targets) {
    if (typeof target === 'string') {
      lines.push(`  ${kata}: target unknown (${target})`);
      continue;
    }
    const progress = targetProgress(kata, log.attempts, target);
    if (!progress.target) {
      lines.push(`  ${kata}: no "repeat until" target`);
      continue;
    }
    const within = progress.variantsWithin.length > 0 ? ` (${progress.variantsWithin.join(', ')})` : '';
    lines.push(
      `  ${kata}: ${progress.met ? 'met' : 'not yet'}: passed within ${progress.target.minutes} min in ` +
        `${progress.variantsWithin.length} variant(s)${within}, ${progress.variantsNeeded} needed. ${progress.target.description}`,
    );
  }
  return lines.join('\n');
}
