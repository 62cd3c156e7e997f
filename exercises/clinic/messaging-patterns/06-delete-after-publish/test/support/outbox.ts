import { randomUUID } from 'node:crypto';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';
import { type CrashPoint, planFor } from '#graders/testkit/faults/crash-points.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { databaseWithSchema } from '#graders/testkit/harness/schema-database.ts';
import { createOutboxHousekeeping } from '../../src/outbox-housekeeping.ts';
import { createOutboxRelay } from '../../src/outbox-relay.ts';

export const hours = (n: number) => n * 60 * 60_000;
export const days = (n: number) => n * 24 * hours(1);

const topic = 'orders';

/** What the outbox still holds about one event, for the auditors and for a republish. */
export interface OutboxRecord {
  /** When the relay published it; null while it waits. */
  publishedAt: Date | null;
}

/**
 * Checkout's outbox on a database of its own, its relay and housekeeping job, and the
 * `orders` topic: the course's in-memory stand-in for the broker, which keeps what it was
 * sent in order and can be switched off, so a crash or an outage is staged at an exact call.
 */
export interface OutboxWorld extends AsyncDisposable {
  db: TestDatabase;
  clock: VirtualClock;
  /** Checkout writes one event to its outbox (as placing an order does); returns its event id. */
  writeEvent(): Promise<string>;
  /**
   * One relay pass, run as a process of its own. With `diesAt`, the process dies there as a
   * killed pod would. 'failed' when the pass threw (the broker was down).
   */
  relayPass(options?: { diesAt?: CrashPoint }): Promise<'finished' | 'died' | 'failed'>;
  /** Relay passes until one publishes nothing. */
  drain(): Promise<void>;
  /**
   * Two relays at the same moment: the first stops right after the broker acknowledged its
   * batch (rows claimed, not yet recorded), the second runs a whole pass, then the first goes on.
   */
  twoRelaysAtOnce(): Promise<void>;
  /** Moves time on, then runs checkout's hourly housekeeping as it would have run by then. */
  passTime(ms: number): Promise<void>;
  /** The broker goes down (every publish fails) or comes back. */
  brokerDown(down: boolean): void;
  /** What the outbox holds about the event, or undefined when it holds nothing. */
  outboxRecord(eventId: string): Promise<OutboxRecord | undefined>;
  /** How often the event is on the topic. */
  timesOnTopic(eventId: string): number;
}

export async function outboxWorld(label: string): Promise<OutboxWorld> {
  const db = await databaseWithSchema(label, new URL('../../src/checkout-schema.sql', import.meta.url));
  const clock = new VirtualClock();
  const broker = new RecordingPublisher();
  const relayOn = (pool: typeof db.pool, publisher: Publisher) => createOutboxRelay({ pool, publisher, clock, topic });

  async function relayPass({ diesAt }: { diesAt?: CrashPoint } = {}) {
    const process = simulatedProcess({ pool: db.pool, publisher: broker, plan: planFor(diesAt) });
    try {
      const outcome = await process.run(relayOn(process.pool, process.publisher).runOnce());
      return outcome.finished ? ('finished' as const) : ('died' as const);
    } catch {
      return 'failed' as const;
    }
  }

  return {
    db,
    clock,
    async writeEvent() {
      const eventId = randomUUID();
      const orderId = `order-${randomUUID().slice(0, 8)}`;
      await db.pool.query(
        /* sql */ `INSERT INTO outbox (event_id, aggregate_id, event_type, payload, created_at) VALUES ($1, $2, 'OrderPlaced', $3, $4)`,
        [eventId, orderId, { id: eventId, type: 'OrderPlaced', data: { orderId } }, clock.now()],
      );
      return eventId;
    },
    relayPass,
    async drain() {
      for (let pass = 0; pass < 100; pass++) {
        const process = simulatedProcess({ pool: db.pool, publisher: broker });
        const outcome = await process.run(relayOn(process.pool, process.publisher).runOnce());
        if (!outcome.finished || outcome.value === 0) return;
      }
      throw new Error('The relay still publishes after 100 passes: does it pick up rows it has already published?');
    },
    async twoRelaysAtOnce() {
      const first = simulatedProcess({ pool: db.pool, publisher: broker, pauseAt: planFor('after-publish') });
      // A pass that fails (the broker is down) never reaches its pause; the race ends with it.
      const firstPass = first.run(relayOn(first.pool, first.publisher).runOnce()).catch(() => undefined);
      await Promise.race([first.paused, firstPass]);
      await relayPass();
      first.resume();
      await firstPass;
    },
    async passTime(ms) {
      await clock.advance(ms);
      // What housekeeping removes depends only on when it runs, so one run at the end of the
      // span removes exactly what the last of the hourly runs would have.
      await createOutboxHousekeeping({ pool: db.pool, clock }).prune();
    },
    brokerDown(down) {
      broker.unavailable = down ? new Error('the broker is unreachable (a staged outage)') : undefined;
    },
    async outboxRecord(eventId) {
      const { rows } = await db.pool.query<{ row: { published_at?: string | null } }>(
        /* sql */ `SELECT to_jsonb(o) AS row FROM outbox o WHERE event_id = $1`,
        [eventId],
      );
      if (rows.length === 0) return undefined;
      const publishedAt = rows[0]!.row.published_at;
      return { publishedAt: publishedAt ? new Date(publishedAt) : null };
    },
    timesOnTopic: (eventId) => broker.messages.filter((message) => message.headers['event-id'] === eventId).length,
    [Symbol.asyncDispose]: () => db[Symbol.asyncDispose](),
  };
}
