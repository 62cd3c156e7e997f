/**
 * The scenario the predictions are about. The test runs exactly this on the course's broker
 * with kafkajs: one topic of three partitions, one consumer group, three phases.
 */

/** The group's members, by kafkajs client id. */
export const members = ['alpha', 'bravo', 'charlie'] as const;
export type Member = (typeof members)[number];

/**
 * 1. `two members`: alpha and bravo join the group.
 * 2. `charlie joins`: a third member joins.
 * 3. `alpha leaves`: alpha stops (it leaves the group, as a member that dies does once its
 *    session times out).
 * In each phase the records below are produced once the group has settled.
 */
export const phases = ['two members', 'charlie joins', 'alpha leaves'] as const;
export type Phase = (typeof phases)[number];

export const partitionCount = 3;

/**
 * The partition kafkajs's default partitioner (murmur2 of the key, as Kafka's Java client)
 * picks for each key on a topic of three partitions. A given fact, not a prediction: the
 * test checks it against where the records landed.
 */
export const keyPartition = { 'cart-1': 0, 'cart-2': 1, 'cart-3': 2 } as const;
export type CartKey = keyof typeof keyPartition;

/** The records produced in each phase, in this order, each a cart id (the key) and a value. */
export const produced: Record<Phase, readonly (readonly [CartKey, string])[]> = {
  'two members': [
    ['cart-1', 'added apple'],
    ['cart-2', 'added pear'],
    ['cart-1', 'added fig'],
    ['cart-3', 'added kiwi'],
    ['cart-1', 'removed apple'],
  ],
  'charlie joins': [
    ['cart-3', 'added lime'],
    ['cart-2', 'checked out'],
    ['cart-1', 'added plum'],
    ['cart-3', 'removed kiwi'],
  ],
  'alpha leaves': [
    ['cart-1', 'checked out'],
    ['cart-2', 'paid'],
    ['cart-3', 'checked out'],
  ],
};
