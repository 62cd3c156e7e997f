/** One thing that happened in a failing run, in the words of the domain. */
export interface TimelineStep {
  /** Virtual time, a step number, or whatever orders the run; omitted for untimed steps. */
  at?: number | string;
  /** Who did it: `relay 1`, `consumer B`, `broker`. */
  actor?: string;
  text: string;
}

export interface StepFormat {
  /** How a moment is written; defaults to `t=<at>`. */
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

/** The steps one per line, times and actors in aligned columns. */
export function formatSteps(steps: readonly TimelineStep[], { formatTime, maxLines = 80 }: StepFormat = {}): string {
  if (steps.length === 0) return '(nothing happened)';
  const stamps = steps.map((step) =>
    step.at === undefined ? '' : typeof step.at === 'number' && formatTime ? formatTime(step.at) : `t=${step.at}`,
  );
  const stampWidth = Math.max(...stamps.map((stamp) => stamp.length));
  const actorWidth = Math.max(...steps.map((step) => step.actor?.length ?? 0));
  const lines = steps.map((step, index) =>
    [stampWidth > 0 ? stamps[index]!.padEnd(stampWidth) : '', actorWidth > 0 ? (step.actor ?? '').padEnd(actorWidth) : '', step.text]
      .filter((part, column) => column === 2 || part.length > 0 || (column === 0 ? stampWidth : actorWidth) > 0)
      .join('  ')
      .trimEnd(),
  );
  if (lines.length <= maxLines) return lines.join('\n');
  const kept = lines.slice(lines.length - maxLines + 1);
  return [`... ${lines.length - kept.length} earlier lines left out ...`, ...kept].join('\n');
}

/**
 * A failing run as a bug report: what was expected, what was found, and the smallest
 * sequence of events that gets there, one line each. Property tests build it from the
 * shrunk counterexample, so the learner reads the story, not the generator's data.
 */
export function renderTimeline(report: { problem: string; steps: readonly TimelineStep[]; expected?: string; found?: string }): string {
  const numbered = formatSteps(report.steps)
    .split('\n')
    .map((line, index) => `  ${String(index + 1).padStart(2)}. ${line}`);
  return [
    report.problem,
    ...(report.expected !== undefined ? [`  expected: ${report.expected}`] : []),
    ...(report.found !== undefined ? [`  found:    ${report.found}`] : []),
    '',
    'What happened (the smallest case found):',
    ...numbered,
  ].join('\n');
}
