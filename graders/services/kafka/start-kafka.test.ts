import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { parseBrokers, startKafka } from './start-kafka.ts';

describe('startKafka', () => {
  it('uses the COURSE_KAFKA_BROKERS address as given, without starting anything', async () => {
    const kafka = await startKafka({ COURSE_KAFKA_BROKERS: ' kafka-1:9092, kafka-2:9093 ' });
    expect(kafka).toMatchObject({ provider: 'environment', brokers: ['kafka-1:9092', 'kafka-2:9093'] });
    await kafka.stop();
  });

  it('starts the embedded broker when COURSE_SERVICES=embedded, and stops it', async () => {
    const kafka = await startKafka({ COURSE_SERVICES: 'embedded' });
    expect(kafka.provider).toBe('embedded');
    const admin = new Kafka({ brokers: kafka.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    expect(await admin.createTopics({ topics: [{ topic: 'provider-check' }] })).toBe(true);
    await admin.disconnect();
    await kafka.stop();
    const refused = new Kafka({ brokers: kafka.brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
    await expect(refused.connect()).rejects.toThrow();
  });

  it('refuses COURSE_SERVICES=environment without an address, naming the variable', async () => {
    await expect(startKafka({ COURSE_SERVICES: 'environment' })).rejects.toThrow(/COURSE_KAFKA_BROKERS/);
  });
});

describe('parseBrokers', () => {
  it('refuses an address without a port and shows the expected form', () => {
    expect(() => parseBrokers('localhost,kafka:9092')).toThrow(/localhost is not.*COURSE_KAFKA_BROKERS=localhost:9092/);
    expect(() => parseBrokers(' , ')).toThrow(/not a list of host:port/);
  });
});
