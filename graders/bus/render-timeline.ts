import type { TimelineEntry } from './timeline.ts';

export interface RenderOptions {
  /** How a moment is written; defaults to `t=<ms>`. */
  formatTime?: (at: number) => string;
  /** At most this many lines; the rest is summarised, keeping the end, where failures show. */
  maxLines?: number;
}

/** Milliseconds as the largest units that fit: `t=90ms`, `t=2m30s`, `t=3h`. */
export function humanTime(at: number): string {
  if (at < 1000) return `t=${at}ms`;
  const units: [string, number][] = [['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]];
  let rest = at;
  const parts: string[] = [];
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return `t=${parts.join('')}`;
}

/**
 * Tells a run as a bug report, one happening per line in time order, e.g.
 * `t=3 ChargeCard reply lost` then `t=30 timer fired`, so the reader follows the story.
 */
export function renderTimeline(entries: readonly TimelineEntry[], options: RenderOptions = {}): string {
  const { formatTime = (at: number) => `t=${at}`, maxLines = 80 } = options;
  const stamps = entries.map((entry) => formatTime(entry.at));
  const width = Math.max(0, ...stamps.map((stamp) => stamp.length));
  const lines = entries.map((entry, i) => `${stamps[i]!.padEnd(width)}  ${entry.text}`);
  if (lines.length === 0) return '(nothing happened)';
  if (lines.length <= maxLines) return lines.join('\n');
  const kept = lines.slice(lines.length - maxLines + 1);
  return [`... ${lines.length - kept.length} earlier lines left out ...`, ...kept].join('\n');
}
