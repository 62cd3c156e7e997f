import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import { creditLedger } from './ledger.ts';
import { ledgerCreditedFor, parsePaymentCaptured } from './payment-events.ts';

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
 * Reads PaymentCaptured, credits the merchant's ledger and announces LedgerCredited. The
 * LedgerCredited event and the consumed offset are written in one Kafka transaction
 * (exactly-once semantics), so readers that read committed see each announcement once.
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
        await transaction.send({ topic: ledgerTopic, messages: [{ key: payment.orderId, value: JSON.stringify(ledgerCreditedFor(payment)) }] });
        await transaction.sendOffsets({
          consumerGroupId: groupId,
          topics: [{ topic, partitions: [{ partition, offset: (BigInt(message.offset) + 1n).toString() }] }],
        });
        await creditLedger(pool, payment, { topic, partition, offset: message.offset });
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
