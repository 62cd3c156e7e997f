import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../../testkit/harness/kafka-topic.ts';
import { confluentKafka, python } from '../../client-matrix/installed.ts';
const script = new URL('./transactions.py', import.meta.url).pathname;

describe('transactions through librdkafka (python3-confluent-kafka)', () => {
  it.skipIf(confluentKafka.missing)(
    `commits and aborts, reads committed records only, fences a zombie, and commits offsets in a transaction${confluentKafka.skipReason}`,
    async () => {
      await using kafka = await freshKafka('librdkafka-txn');
      const output = `${kafka.topic}-out`;
      await kafka.admin.createTopics({ topics: [{ topic: output, numPartitions: 1 }], waitForLeaders: true });
      try {
        const { stdout } = await promisify(execFile)(
          python,
          [script, kafka.brokers.join(','), kafka.topic, kafka.groupId('txn'), kafka.groupId('reader'), output],
          { timeout: 80_000 },
        );
        expect(JSON.parse(stdout)).toEqual({
          readCommitted: ['c1', 'c2', 'c3'],
          readUncommitted: ['c1', 'c2', 'a1', 'c3'],
          // librdkafka turns the broker's INVALID_PRODUCER_EPOCH on EndTxn into its fatal _FENCED.
          zombieCommit: { name: '_FENCED', fatal: true },
          // c3 is at offset 5 (after c1, c2, a commit marker, a1 and an abort marker).
          processorCommitted: [6],
          output: ['C1', 'C2', 'C3'],
        });
      } finally {
        await kafka.admin.deleteTopics({ topics: [output] });
      }
    },
    120_000,
  );
});
