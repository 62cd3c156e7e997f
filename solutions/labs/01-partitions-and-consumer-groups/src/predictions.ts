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
 * kafkajs's default assignor is round robin: the group leader sorts the member ids and deals
 * the partitions out one by one. The broker makes each member id from the client id and a
 * random suffix, so the members sort as alpha, bravo, charlie. Round robin keeps no memory of
 * the last assignment, so a change of membership can move partitions between the members
 * that stay.
 */
export function predictions(): Predictions {
  return {
    assignment: {
      'two members': { alpha: [0, 2], bravo: [1] },
      'charlie joins': { alpha: [0], bravo: [1], charlie: [2] },
      'alpha leaves': { bravo: [0, 2], charlie: [1] },
    },
    receiver: {
      'two members': { 'cart-1': 'alpha', 'cart-2': 'bravo', 'cart-3': 'alpha' },
      'charlie joins': { 'cart-1': 'alpha', 'cart-2': 'bravo', 'cart-3': 'charlie' },
      'alpha leaves': { 'cart-1': 'bravo', 'cart-2': 'charlie', 'cart-3': 'bravo' },
    },
    arrivalOrder: {
      'cart-1': ['added apple', 'added fig', 'removed apple', 'added plum', 'checked out'],
      'cart-2': ['added pear', 'checked out', 'paid'],
      'cart-3': ['added kiwi', 'added lime', 'removed kiwi', 'checked out'],
    },
  };
}
