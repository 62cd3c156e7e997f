import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerSections, expectFinishedAnswers } from '#graders/testkit/harness/answers.ts';
import { expectClaim, expectNamedClaim, expectPredictionHolds } from '#graders/testkit/harness/checked-claims.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { checkoutDatabase, emptyTables } from './support/checkout-database.ts';
import { failureModes, outcomeOf, outcomes } from './support/failure-modes.ts';

/**
 * answers.md scores only its claims, each checked against your code: the index it names
 * must exist in your schema and cover unpublished rows; each predicted outcome must be
 * what the course sees when it stages that failure against your code. The prose under
 * them is for you and your instructor: it is linted, and worth no points.
 */
const answersFile = new URL('../answers.md', import.meta.url);

let db: TestDatabase;
beforeAll(async () => {
  db = await checkoutDatabase('kata2_answers');
});
beforeEach(() => emptyTables(db));
afterAll(() => db[Symbol.asyncDispose]());

function claimsSection(name: string): string {
  const text = answerSections(answersFile).get(name);
  expect(text, `answers.md needs the heading "${name.split(' > ').at(-1)}"`).toBeDefined();
  return text!;
}

describe('answers.md', () => {
  it('names, on an "Index:" line, an index of your schema that covers unpublished rows', async () => {
    await expectFinishedAnswers(answersFile);
    const named = expectNamedClaim(claimsSection('Index'), 'the Index section', 'Index', 'outbox_unpublished');
    const { rows } = await db.pool.query<{ definition: string }>(
      /* sql */ `SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'outbox' AND indexname = $1`,
      [named],
    );
    expect(rows, `"Index: ${named}": src/schema.sql creates no index of that name on outbox`).toHaveLength(1);
    expect(rows[0]!.definition, `"Index: ${named}" must involve published_at, the relay's question`).toMatch(/published_at/);
  });

  describe.each(failureModes.map((mode) => [mode.heading, mode] as const))('the failure "%s"', (heading, mode) => {
    it('predicts, on an "Outcome:" line, what staging it against your code shows', async () => {
      await expectFinishedAnswers(answersFile);
      const where = `"${heading}"`;
      const predicted = expectClaim(claimsSection(`Failure modes > ${heading}`), where, 'Outcome', outcomes);
      const observed = outcomeOf(await mode.demonstrate(db));
      expectPredictionHolds(predicted, observed, where);
    });
  });
});
