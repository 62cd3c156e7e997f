import { expect } from 'vitest';
import type { CqrsDecision, Trait } from '../../src/scenario.ts';

/** How a trait is written on a `Call:` line: `read sides` for `read-sides`. */
const traitInWords: Record<Trait, string> = {
  team: 'team',
  invariants: 'invariants',
  'read-sides': 'read sides',
  audit: 'audit',
  infrastructure: 'infrastructure',
};

const format = 'Call: <no|partial|staged|yes>; event sourcing: <none|later|now>; deciding trait: <team|invariants|read sides|audit|infrastructure>';

/** The decision as a `Call:` line says it, e.g. `Call: partial; event sourcing: none; deciding trait: read sides.` */
export function callLine(decision: Pick<CqrsDecision, 'shape' | 'eventSourcing' | 'decidingTrait'>): string {
  return `Call: ${decision.shape}; event sourcing: ${decision.eventSourcing}; deciding trait: ${traitInWords[decision.decidingTrait]}`;
}

/**
 * The `Call:` line of a section, normalised to `callLine`'s form, or a failure that shows
 * the expected format. The defense around it is free prose and is not read.
 */
export function statedCall(section: string, id: string): string {
  const lines = section.split('\n').map((line) => line.replace(/[*_`]/g, '').trim()).filter((line) => /^call:/i.test(line));
  expect(lines, `"## ${id}" needs exactly one line of the form\n  ${format}`).toHaveLength(1);
  const match = /^call:\s*(no|partial|staged|yes)\s*;\s*event sourcing:\s*(none|later|now)\s*;\s*deciding trait:\s*(team|invariants|read sides|audit|infrastructure)\s*\.?$/i
    .exec(lines[0]!.replace(/\s+/g, ' '));
  expect(match, `"## ${id}": cannot read "${lines[0]}"; write it as\n  ${format}`).not.toBeNull();
  const [, shape, eventSourcing, trait] = match!.map((part) => part.toLowerCase());
  return `Call: ${shape}; event sourcing: ${eventSourcing}; deciding trait: ${trait}`;
}
