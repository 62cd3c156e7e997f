import type pg from 'pg';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { createCdcRelay } from '../../src/cdc-relay.ts';
import { createRelay } from '../../src/relay.ts';
import { flushCommits, freshSlot } from './cdc-slot.ts';

/** Whichever relay the learner wrote, polling or change-data-capture, behind one shape. */
export interface RelayUnderTest extends AsyncDisposable {
  readonly kind: 'polling' | 'cdc';
  make(deps: { pool: pg.Pool; publisher: Publisher; clock: VirtualClock }): { runOnce(): Promise<number> };
  /** Call after the orders are placed and before a relay runs: the cdc slot reads only flushed commits. */
  ready(): Promise<void>;
}

const topic = 'orders';
const batchSize = 3;

/**
 * The relay the learner's variant implements, for checks both variants share (the staged
 * failure modes their answers predict). The polling relay, unless it is still the
 * starter's TODO; then the change-data-capture relay, with a slot of its own made now,
 * before any order is placed, since a slot sees only what commits after it exists.
 */
export async function relayUnderTest(db: TestDatabase): Promise<RelayUnderTest> {
  const pollingWritten = await createRelay({ pool: db.pool, publisher: new RecordingPublisher(), clock: new VirtualClock(), topic, batchSize })
    .runOnce()
    .then(
      () => true,
      (error: Error) => !/^TODO\b/.test(error.message),
    );
  if (pollingWritten) {
    return {
      kind: 'polling',
      make: ({ pool, publisher, clock }) => createRelay({ pool, publisher, clock, topic, batchSize }),
      ready: async () => {},
      [Symbol.asyncDispose]: async () => {},
    };
  }
  const slot = await freshSlot(db);
  return {
    kind: 'cdc',
    // Four slot rows per order (BEGIN, two INSERTs, COMMIT): 12 rows, three orders a pass.
    make: ({ pool, publisher, clock }) => createCdcRelay({ pool, publisher, clock, topic, slotName: slot.name, batchSize: 4 * batchSize }),
    ready: () => flushCommits(db),
    [Symbol.asyncDispose]: () => slot[Symbol.asyncDispose](),
  };
}
