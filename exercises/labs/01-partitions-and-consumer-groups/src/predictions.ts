import type { CartKey, Member, Phase } from './scenario.ts';

/** What you expect the scenario in scenario.ts to do, written down before it runs. */
export interface Predictions {
  /**
   * For each phase, once the group has settled: the partitions each member owns, in
   * ascending order. Leave out a member that is not in the group in that phase.
   */
  assignment: Record<Phase, Partial<Record<Member, number[]>>>;
  /** For each phase, the member that receives the records of each cart produced in that phase. */
  receiver: Record<Phase, Record<CartKey, Member>>;
  /** For each cart, the values of its records in the order the group handles them, over all three phases. */
  arrivalOrder: Record<CartKey, string[]>;
}

/**
 * Your predictions, as data. Make them from the concept page (9. Consumer groups,
 * partitions and ordering: "Who gets which partition") and scenario.ts; the test runs the
 * scenario and compares, part by part.
 */
export function predictions(): Predictions {
  throw new Error('TODO: return your predictions for the three phases (see README.md, part 1).');
}
