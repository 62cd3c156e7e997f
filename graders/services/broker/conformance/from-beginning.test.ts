import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { quickConsumer } from './consumer-settings.ts';
import { MessageCollector } from './message-collector.ts';

describe('a new consumer group', () => {
  it('reads the whole log with fromBeginning and only new messages without it', async () => {
    await using kafka = await freshKafka('from-beginning');
    const producer = kafka.client.producer();
    await producer.connect();
    await producer.send({ topic: kafka.topic, messages: [{ value: 'old-1' }, { value: 'old-2' }, { value: 'old-3' }] });

    const collector = new MessageCollector();
    const earliest = kafka.client.consumer(quickConsumer(kafka.groupId('earliest')));
    const latest = kafka.client.consumer(quickConsumer(kafka.groupId('latest')));
    // The latest consumer's position is fixed by its first fetch; new messages go after it.
    const firstFetch = new Promise<void>((resolve) => latest.on(latest.events.FETCH, () => resolve()));
    try {
      await earliest.connect();
      await earliest.subscribe({ topic: kafka.topic, fromBeginning: true });
      await collector.run(earliest, 'earliest');
      await latest.connect();
      await latest.subscribe({ topic: kafka.topic, fromBeginning: false });
      await collector.run(latest, 'latest');
      await firstFetch;
      await producer.send({ topic: kafka.topic, messages: [{ value: 'new-1' }, { value: 'new-2' }] });
      await collector.until(
        (r) => r.filter((m) => m.consumer === 'latest').length === 2 && r.filter((m) => m.consumer === 'earliest').length === 5,
        'both consumers to catch up',
      );
    } finally {
      await Promise.all([earliest.disconnect(), latest.disconnect(), producer.disconnect()]);
    }
    expect(collector.values('earliest')).toEqual(['old-1', 'old-2', 'old-3', 'new-1', 'new-2']);
    expect(collector.values('latest')).toEqual(['new-1', 'new-2']);
  });
});
