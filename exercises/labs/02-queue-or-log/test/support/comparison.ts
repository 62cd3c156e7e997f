/**
 * The rows of the comparison table in answers.md: the behaviour each row asks about and the
 * choices a cell may hold. The tests stage each behaviour on both systems and derive the
 * cell from what happened.
 */
export const rows = {
  'One slow message holds up the messages behind it': ['yes', 'no', 'per partition'],
  'An unacknowledged message comes back after': ['the visibility timeout', 'a restart or rebalance', 'never'],
  'Readable again after it was processed': ['yes', 'no'],
  'An unread message is kept': ['until acknowledged', 'until the retention limit'],
  'Order of one key\'s messages': ['kept', 'not kept'],
} as const;

export type Row = keyof typeof rows;
export type Cell<R extends Row> = (typeof rows)[R][number];

export function holdsUp(seen: { otherKeyHandled: boolean; sameKeyHandled: boolean }): Cell<'One slow message holds up the messages behind it'> {
  if (seen.otherKeyHandled && seen.sameKeyHandled) return 'no';
  return seen.otherKeyHandled ? 'per partition' : 'yes';
}

export function comesBack(before: boolean, after: boolean, trigger: 'the visibility timeout' | 'a restart or rebalance'): string {
  if (before) return 'at once, before any timeout or rebalance';
  return after ? trigger : 'never';
}
