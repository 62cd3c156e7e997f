import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import { freshDatabase, type TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { createLedgerConsumer, type LedgerConsumer } from '../../src/ledger-consumer.ts';
import type { PaymentCaptured } from '../../src/payment-captured.ts';

export const minutes = (n: number) => n * 60_000;
export const days = (n: number) => n * 24 * 60 * 60_000;

/**
 * One wallet service: a database with src/schema.sql, a virtual clock, and consumers made
 * the way the service makes them. Tests read only `ledger_entries` (event_id, account_id,
 * amount_cents), the table the finance reports read.
 */
export interface LedgerWorld extends AsyncDisposable {
  db: TestDatabase;
  clock: VirtualClock;
  /** A consumer instance; call again for a restarted service (nothing in memory survives). */
  consumer(): LedgerConsumer;
  /** Moves time on, then runs the service's housekeeping as it would have run by then. */
  passTime(ms: number, consumer: LedgerConsumer): Promise<void>;
  /** The wallet's balance in cents, from the ledger. */
  balance(accountId: string): Promise<number>;
  /** Makes the next credit written to the ledger fail, as a constraint or a lost connection would. */
  failNextCredit(): Promise<void>;
}

export async function ledgerWorld(label: string): Promise<LedgerWorld> {
  const db = await freshDatabase(label);
  const schema = await readFile(new URL('../../src/schema.sql', import.meta.url), 'utf8');
  try {
    await db.pool.query(schema);
  } catch (error) {
    await db[Symbol.asyncDispose]();
    throw new Error(`src/schema.sql does not run on PostgreSQL: ${(error as Error).message}`);
  }
  // A fault switch the tests flip, living in the database so that it fails the credit
  // whatever SQL the consumer uses to write it. It counts attempts with a sequence because
  // a sequence is not rolled back with the transaction the fault aborts.
  await db.pool.query(/* sql */ `
    CREATE SEQUENCE course_credit_attempts;
    CREATE TABLE course_faults (failing_attempt bigint);
    INSERT INTO course_faults VALUES (NULL);
    CREATE FUNCTION course_fail_credit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF nextval('course_credit_attempts') = (SELECT failing_attempt FROM course_faults) THEN
        RAISE EXCEPTION 'the ledger refused the credit (a staged fault)';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER course_fail_credit BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION course_fail_credit();
  `);
  const clock = new VirtualClock();
  return {
    db,
    clock,
    consumer: () => createLedgerConsumer({ pool: db.pool, clock }),
    async passTime(ms, consumer) {
      await clock.advance(ms);
      // Housekeeping runs every minute; what it forgets depends only on the time it runs,
      // so one run at the end of the span forgets exactly what the last of them would have.
      await consumer.prune();
    },
    async balance(accountId) {
      const { rows } = await db.pool.query<{ cents: string }>(
        /* sql */ `SELECT coalesce(sum(amount_cents), 0)::text AS cents FROM ledger_entries WHERE account_id = $1`,
        [accountId],
      );
      return Number(rows[0]!.cents);
    },
    async failNextCredit() {
      await db.pool.query(/* sql */ `UPDATE course_faults SET failing_attempt = nextval('course_credit_attempts') + 1`);
    },
    [Symbol.asyncDispose]: () => db[Symbol.asyncDispose](),
  };
}

/** A PaymentCaptured of `amountCents` to `accountId`; each call is a new occurrence with its own id. */
export function paymentCaptured(accountId: string, amountCents: number): PaymentCaptured {
  return {
    id: randomUUID(),
    type: 'PaymentCaptured',
    occurredAt: '2026-01-01T00:00:00.000Z',
    data: { paymentId: randomUUID(), accountId, amountCents },
  };
}

/** A wallet of its own for each test, so tests never see each other's credits. */
export const anAccount = () => `wallet-${randomUUID().slice(0, 8)}`;
