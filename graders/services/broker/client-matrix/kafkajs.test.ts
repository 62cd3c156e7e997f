/*
 * kafkajs in the client matrix. Topics, keyed produce with headers, a group of two, commit and
 * seek, and transactions are the conformance suite's own tests (../conformance/, all written
 * with kafkajs); this file adds the compression codecs, which kafkajs needs registered.
 */
import { CompressionTypes, Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { embeddedOnly, embeddedOnlySuffix } from '../embedded-only.ts';
import { startEmbeddedBroker } from '../start-embedded-broker.ts';
import { quickConsumer } from '../conformance/consumer-settings.ts';
import { MessageCollector } from '../conformance/message-collector.ts';
import { registerKafkajsCodecs } from './kafkajs-codecs.ts';
import { codecs, storedBatches } from './stored-batches.ts';

registerKafkajsCodecs();

const kafkajsType = { gzip: CompressionTypes.GZIP, snappy: CompressionTypes.Snappy, lz4: CompressionTypes.LZ4, zstd: CompressionTypes.ZSTD };

describe(`kafkajs compression ${embeddedOnlySuffix}`, embeddedOnly, () => {
  it('sends each codec compressed, and reads every codec back', async () => {
    await using broker = await startEmbeddedBroker();
    const kafka = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING });
    const topic = 'kafkajs-codecs';
    const producer = kafka.producer();
    await producer.connect();
    for (const codec of codecs) {
      await producer.send({ topic, compression: kafkajsType[codec], messages: [{ value: `${codec}-1` }, { value: `${codec}-2` }] });
    }
    await producer.disconnect();
    expect(storedBatches(broker, topic)).toEqual(codecs.map((codec) => ({ codec, values: [`${codec}-1`, `${codec}-2`] })));

    const consumer = kafka.consumer(quickConsumer('kafkajs-codecs'));
    const collector = new MessageCollector();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await collector.run(consumer, 'reader');
    await collector.until((received) => received.length === 8, 'all eight values');
    await consumer.disconnect();
    expect(collector.values()).toEqual(codecs.flatMap((codec) => [`${codec}-1`, `${codec}-2`]));
  });
});
