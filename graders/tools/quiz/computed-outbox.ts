import type { Outcome } from '../../grading/quiz/outcome.ts';

/**
 * The outcome Kata 2's failure-modes table gives a staged crash. That test stages each crash
 * against the reference solution with the crash harness (simulated process, virtual clock,
 * real PostgreSQL) on every `npm test`, and fails if the outcome is not the table's; here the
 * bank is held to the same table, so a quiz answer cannot drift from what the kata shows.
 */
export async function stagedOutcome(heading: string): Promise<Outcome> {
  const { failureModes } = await import('../../../exercises/katas/02-transactional-outbox/test/support/failure-modes.ts');
  const mode = failureModes.find((m) => m.heading === heading);
  if (!mode) throw new Error(`Kata 2's failure-modes table has no "${heading}"; headings: ${failureModes.map((m) => m.heading).join('; ')}.`);
  return mode.outcome;
}
