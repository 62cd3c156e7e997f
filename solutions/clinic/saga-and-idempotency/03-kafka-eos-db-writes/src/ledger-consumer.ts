import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import { ledgerCreditedFor, type PaymentCaptured, parsePaymentCaptured } from './payment-events.ts';

export interface LedgerConsumerConfig {
  /** The kafkajs client to build the consumer and the transactional producer on. */
  kafka: Kafka;
  pool: pg.Pool;
  paymentsTopic: string;
  ledgerTopic: string;
  groupId: string;
  /** Stable across restarts of this service, so a restarted producer fences the one it replaces. */
  transactionalId: string;
}

export interface LedgerConsumer {
  stop(): Promise<void>;
}

/**
 * Reads PaymentCaptured, credits the merchant's ledger in PostgreSQL and announces
 * LedgerCredited. The Kafka transaction makes the LedgerCredited event and the consumed
 * offset commit together, so read_committed readers see each announcement once. It does not
 * reach PostgreSQL: a crash after the database commit and before the Kafka commit redelivers
 * the payment, so the credit itself is made idempotent by the event's id.
 */
export async function startLedgerConsumer(config: LedgerConsumerConfig): Promise<LedgerConsumer> {
  const { kafka, pool, paymentsTopic, ledgerTopic, groupId, transactionalId } = config;
  const producer = kafka.producer({ transactionalId, idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic: paymentsTopic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const payment = parsePaymentCaptured(message.value);
      const transaction = await producer.transaction();
      try {
        // Sent on a redelivery too: the attempt that credited the ledger may have had its
        // announcement aborted with its Kafka transaction.
        await transaction.send({ topic: ledgerTopic, messages: [{ key: payment.orderId, value: JSON.stringify(ledgerCreditedFor(payment)) }] });
        await transaction.sendOffsets({
          consumerGroupId: groupId,
          topics: [{ topic, partitions: [{ partition, offset: (BigInt(message.offset) + 1n).toString() }] }],
        });
        await creditLedgerOnce(pool, payment);
        await transaction.commit();
      } catch (error) {
        await transaction.abort();
        throw error;
      }
    },
  });
  return {
    async stop() {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}

/**
 * Claims the event's id and credits in one database transaction: both happen or neither, and
 * a second attempt, even one running at the same time, finds the claim and credits nothing.
 */
async function creditLedgerOnce(pool: pg.Pool, payment: PaymentCaptured): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const claim = await client.query(/* sql */ `INSERT INTO credited_payments (event_id) VALUES ($1) ON CONFLICT DO NOTHING`, [payment.eventId]);
    if (claim.rowCount === 1) {
      await client.query(
        /* sql */ `INSERT INTO ledger_entries (payment_id, order_id, amount_cents) VALUES ($1, $2, $3)`,
        [payment.paymentId, payment.orderId, payment.amountCents],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
