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
 * LedgerCredited in a Kafka transaction with the consumed offset. PostgreSQL keeps its own
 * copy of the consumed offsets, advanced in the same transaction as each credit, so a record
 * redelivered after a crash is recognised by its partition and offset and not credited again.
 *
 * It still starts from the offsets Kafka committed, not from PostgreSQL's: those can be ahead
 * of Kafka's by the records whose announcement was aborted with their Kafka transaction, and
 * seeking past them would credit the ledger and announce nothing.
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
      const next = (BigInt(message.offset) + 1n).toString();
      const transaction = await producer.transaction();
      try {
        await transaction.send({ topic: ledgerTopic, messages: [{ key: payment.orderId, value: JSON.stringify(ledgerCreditedFor(payment)) }] });
        await transaction.sendOffsets({ consumerGroupId: groupId, topics: [{ topic, partitions: [{ partition, offset: next }] }] });
        await creditUnlessBehind(pool, { groupId, topic, partition, offset: message.offset }, payment);
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

interface SourceRecord {
  groupId: string;
  topic: string;
  partition: number;
  offset: string;
}

/** Credits and advances the partition's offset in one transaction, unless the offset is already past this record. */
async function creditUnlessBehind(pool: pg.Pool, source: SourceRecord, payment: PaymentCaptured): Promise<void> {
  const key = [source.groupId, source.topic, source.partition];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      /* sql */ `INSERT INTO ledger_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING`,
      key,
    );
    // The row lock makes a second attempt at the same partition wait, then read the new offset.
    const { rows } = await client.query<{ next_offset: string }>(
      /* sql */ `SELECT next_offset FROM ledger_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3 FOR UPDATE`,
      key,
    );
    if (BigInt(source.offset) >= BigInt(rows[0]!.next_offset)) {
      await client.query(
        /* sql */ `INSERT INTO ledger_entries (payment_id, order_id, amount_cents) VALUES ($1, $2, $3)`,
        [payment.paymentId, payment.orderId, payment.amountCents],
      );
      await client.query(
        /* sql */ `UPDATE ledger_offsets SET next_offset = $4 WHERE group_id = $1 AND topic = $2 AND partition = $3`,
        [...key, (BigInt(source.offset) + 1n).toString()],
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
