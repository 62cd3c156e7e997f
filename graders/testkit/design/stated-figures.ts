import { parse } from 'yaml';

/** A capacity figure design.yaml states for an NFR, and the capacity.ts function that computes it. */
interface StatedFigure {
  value: number;
  unit: string;
  from: string;
  args: unknown[];
  field?: string;
}

/** How far a stated figure may be from the model's: a design may round, by 0.1% at most. */
const tolerance = 0.001;

/**
 * Recomputes every `figure` design.yaml states with the learner's own capacity model (the
 * module `from: "capacity.ts:<function>"` names, called with `args`), and says, one sentence
 * each, which figure is missing, names no function, is not a number, or is not what the
 * model returns. Every design kata's tests hold design.yaml to the learner's model this way,
 * so a figure copied from elsewhere, or left behind when the model changed, is found.
 */
export function statedFigureProblems(designText: string, model: Record<string, unknown>, mustState: string): string[] {
  const stated = (parse(designText) as { nfrs?: { nfr: string; figure?: StatedFigure }[] } | null)?.nfrs ?? [];
  const problems: string[] = [];
  if (!stated.find((n) => n.nfr === mustState)?.figure) {
    problems.push(`${mustState} has no \`figure:\` (value, unit, from: "capacity.ts:<function>", args): see the README, section Capacity model`);
  }
  for (const { nfr, figure } of stated) {
    if (figure === undefined) continue;
    const name = figure.from.replace(/^capacity\.ts:/, '');
    const fn = model[name];
    if (typeof fn !== 'function') {
      problems.push(`${nfr}: src/capacity.ts exports no function ${name}`);
      continue;
    }
    let result: unknown;
    try {
      result = (fn as (...args: unknown[]) => unknown)(...figure.args);
    } catch (error) {
      problems.push(`${nfr}: your ${name}(${figure.args.map((arg) => JSON.stringify(arg)).join(', ')}) threw: ${(error as Error).message}`);
      continue;
    }
    const computed = figure.field === undefined ? result : (result as Record<string, unknown>)[figure.field];
    if (typeof computed !== 'number') {
      problems.push(`${nfr}: ${figure.from}${figure.field ? ` .${figure.field}` : ''} is not a number`);
      continue;
    }
    if (Math.abs(computed - figure.value) / Math.max(1, Math.abs(computed)) > tolerance) {
      problems.push(`${nfr}: design.yaml states ${figure.value} ${figure.unit}, your ${name} returns ${computed}`);
    }
  }
  return problems;
}
