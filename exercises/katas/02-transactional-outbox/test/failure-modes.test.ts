import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { checkoutDatabase, emptyTables } from './support/checkout-database.ts';
import { failureModes, outcomeOf } from './support/failure-modes.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await checkoutDatabase('kata2_failure_modes');
});
beforeEach(() => emptyTables(db));
afterAll(() => db[Symbol.asyncDispose]());

describe('the four failure modes, staged against your code', () => {
  it.each(failureModes.map((mode) => [mode.heading, mode.outcome, mode] as const))('"%s" ends %s', async (heading, outcome, mode) => {
    const deliveries = await mode.demonstrate(db);
    expect(outcomeOf(deliveries), `${heading}: how many times each event reached the topic: ${deliveries.join(', ')}`).toBe(outcome);
  });
});
