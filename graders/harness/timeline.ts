/** One thing that happened in a failing run, in the words of the domain. */
export interface TimelineStep {
  /** Virtual time, a step number, or whatever orders the run; omitted for untimed steps. */
  at?: number | string;
  /** Who did it: `relay 1`, `consumer B`, `broker`. */
  actor?: string;
  text: string;
}

/**
 * A failing run as a bug report: what was expected, what was found, and the smallest
 * sequence of events that gets there, one line each. Property tests build it from the
 * shrunk counterexample, so the learner reads the story, not the generator's data.
 */
export function renderTimeline(report: { problem: string; steps: readonly TimelineStep[]; expected?: string; found?: string }): string {
  const atWidth = Math.max(0, ...report.steps.map((step) => (step.at === undefined ? 0 : String(step.at).length)));
  const actorWidth = Math.max(0, ...report.steps.map((step) => step.actor?.length ?? 0));
  const lines = report.steps.map((step, index) => {
    const at = step.at === undefined ? '' : `t=${String(step.at).padStart(atWidth)}  `;
    const actor = actorWidth > 0 ? `${(step.actor ?? '').padEnd(actorWidth)}  ` : '';
    return `  ${String(index + 1).padStart(2)}. ${at}${actor}${step.text}`;
  });
  return [
    report.problem,
    ...(report.expected !== undefined ? [`  expected: ${report.expected}`] : []),
    ...(report.found !== undefined ? [`  found:    ${report.found}`] : []),
    '',
    'What happened (the smallest case found):',
    ...lines,
  ].join('\n');
}
