import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSections, expectCleanMarkdown, section, tableRows } from '#graders/testkit/harness/answers.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { comesBack, holdsUp, type Row, rows } from './support/comparison.ts';
import { logAfterProcessing, logSlowFirst, logUncommitted, logUnreadPastRetention } from './support/log-stagings.ts';
import { queueDatabase } from './support/queue-database.ts';
import { queueAfterProcessing, queueSlowFirst, queueUnacked, queueUnreadLongTime } from './support/queue-stagings.ts';

const answersFile = new URL('../answers.md', import.meta.url);

/** What each side did, per row; a side that could not be staged says why. */
const observed = new Map<Row, { queue: string; log: string }>();

async function attempt(stage: () => Promise<string>): Promise<string> {
  try {
    return await stage();
  } catch (error) {
    return `not staged (${(error as Error).message.split('\n')[0]})`;
  }
}

let db: TestDatabase;
beforeAll(async () => {
  db = await queueDatabase('lab2_answers');
  const slowQueue = await queueSlowFirst(db).catch((e: Error) => e);
  const slowLog = await logSlowFirst();
  const fromSlow = (seen: typeof slowLog | Error, cell: (s: typeof slowLog) => string) =>
    seen instanceof Error ? `not staged (${seen.message.split('\n')[0]})` : cell(seen);
  observed.set('One slow message holds up the messages behind it', { queue: fromSlow(slowQueue, holdsUp), log: holdsUp(slowLog) });
  observed.set('Order of one key\'s messages', {
    queue: fromSlow(slowQueue, (s) => (s.sameKeyHandled ? 'not kept' : 'kept')),
    log: slowLog.sameKeyHandled ? 'not kept' : 'kept',
  });
  observed.set('An unacknowledged message comes back after', {
    queue: await attempt(async () => {
      const seen = await queueUnacked(db);
      return comesBack(seen.backBeforeTimeout, seen.backAfterTimeout, 'the visibility timeout');
    }),
    log: await attempt(async () => {
      const seen = await logUncommitted();
      return comesBack(seen.backBeforeRebalance, seen.backAfterRebalance, 'a restart or rebalance');
    }),
  });
  observed.set('Readable again after it was processed', {
    queue: await attempt(async () => ((await queueAfterProcessing(db)).readAgain ? 'yes' : 'no')),
    log: await attempt(async () => ((await logAfterProcessing()).readAgain ? 'yes' : 'no')),
  });
  observed.set('An unread message is kept', {
    queue: await attempt(async () => ((await queueUnreadLongTime(db)).unreadKept ? 'until acknowledged' : 'until the retention limit')),
    log: await attempt(async () => ((await logUnreadPastRetention()).unreadKept ? 'until acknowledged' : 'until the retention limit')),
  });
});
afterAll(() => db?.[Symbol.asyncDispose]());

/** The learner's two cells of a row, each checked against the row's choices. */
function claimedCells(row: Row): { queue: string; log: string } {
  const table = tableRows(section(answerSections(answersFile), 'Comparison'));
  const line = table.find((cells) => cells[0]?.toLowerCase() === row.toLowerCase());
  expect(line, `answers.md's Comparison table needs its row "${row}" (keep the first column as given)`).toBeDefined();
  const choices = rows[row] as readonly string[];
  const pick = (cell: string | undefined, column: string) => {
    const chosen = choices.find((choice) => choice === cell?.replace(/[`*_]/g, '').trim().toLowerCase());
    expect(chosen, `"${row}", ${column}: "${cell ?? ''}" is not one of ${choices.map((c) => `"${c}"`).join(', ')}`).toBeDefined();
    return chosen!;
  };
  return { queue: pick(line![1], 'queue column'), log: pick(line![2], 'log column') };
}

describe('the comparison table in answers.md, against what both systems did', () => {
  for (const row of Object.keys(rows) as Row[]) {
    it(`${row}: your claims match what was staged`, () => {
      const claimed = claimedCells(row);
      const seen = observed.get(row)!;
      expect(claimed.queue, `"${row}" for the PostgreSQL queue: you claim "${claimed.queue}"; staged against your queue it was "${seen.queue}"`).toBe(seen.queue);
      expect(claimed.log, `"${row}" for the Kafka topic: you claim "${claimed.log}"; staged on the broker it was "${seen.log}"`).toBe(seen.log);
    });
  }

  it('answers.md is clean Markdown', async () => {
    await expectCleanMarkdown(answersFile);
  });
});
