import { checkoutWorkflow } from '#graders/testkit/sagas/workflows.ts';
import { checkoutPolicy } from '../../src/policies.ts';
import { runSagas } from './saga-run.ts';

/** One line per event: `Event | producers | consumers`, names sorted, `none` for no one. */
export type FlowLines = string[];

export const flowLine = (event: string, producers: Iterable<string>, consumers: Iterable<string>): string =>
  `${event} | ${[...producers].toSorted().join(', ') || 'none'} | ${[...consumers].toSorted().join(', ') || 'none'}`;

/**
 * Who publishes and who consumes each event in the learner's own choreography, as the bus
 * recorded it over one saga that succeeds and one that fails at each step: every event the
 * code can publish shows up.
 */
export async function choreographyFlows(): Promise<{ lines: FlowLines; edges: string[] }> {
  const sagas = [{ sagaId: 'o0' }, ...checkoutWorkflow.steps.map((s, i) => ({ sagaId: `o${i + 1}`, failAt: s.step }))];
  const run = await runSagas('choreography', checkoutWorkflow, sagas, [], checkoutPolicy());
  const flows = [...run.bus.flows()];
  return {
    lines: flows.map(([event, { producers, consumers }]) => flowLine(event, producers, consumers)).toSorted(),
    edges: flows.flatMap(([event, { producers, consumers }]) =>
      [...producers].flatMap((p) => [...consumers].map((c) => `${p} -- ${event} --> ${c}`))).toSorted(),
  };
}
