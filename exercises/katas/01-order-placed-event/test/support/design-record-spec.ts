import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DesignRecord } from '../../src/design-record.ts';
import { causes } from './domain-arbitraries.ts';
import { asEvent, type EventVariant } from './event-variant.ts';
import { topicPattern } from './topic-pattern.ts';

const reasons = ['pii', 'size', 'volatility', 'secret'];
const modes = ['notification', 'state-transfer'];
const envelopeBasics = ['id', 'type', 'version', 'source', 'occurredAt', 'data'];

/** Every key of a JSON-like value, however deep. */
function keysIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (value === null || typeof value !== 'object' || value instanceof Date) return [];
  return Object.entries(value).flatMap(([key, item]) => [key, ...keysIn(item)]);
}

/**
 * A `why` is the learner's reflection, read by them and their instructor: it earns no
 * points (nothing executable can check it), so it is only required to be written.
 */
function expectWritten(why: unknown, what: string): void {
  expect(typeof why === 'string' && why.trim().length > 0 && !/TODO/.test(why),
    `${what} needs its why written (your reflection; it scores nothing, the checked part of this test does), got ${JSON.stringify(why)}`).toBe(true);
}

/**
 * The two consumers are a design claim no code of the kata can check, so they score
 * nothing on their own: a gate on the topic test (whom the topic is for), not a test.
 */
function expectTwoConsumersNamed(record: DesignRecord): void {
  const consumers = record.consumers as unknown;
  expect(Array.isArray(consumers) && consumers.length === 2, 'name exactly two consumers').toBe(true);
  const [first, second] = consumers as DesignRecord['consumers'];
  for (const consumer of [first ?? {}, second ?? {}] as DesignRecord['consumers']) {
    expect(typeof consumer.service === 'string' && consumer.service.length > 0 && !/TODO/.test(consumer.service),
      `a consumer needs a service name, got ${JSON.stringify(consumer.service)}`).toBe(true);
    expect(modes, `consumer ${consumer.service}: mode must be notification or state-transfer`).toContain(consumer.mode);
    expectWritten(consumer.why, `consumer ${consumer.service}`);
  }
  expect(first.service, 'the two consumers must be different services').not.toBe(second.service);
}

/** The written decisions around the event, checked against what the factory really does. */
export function describeDesignRecord<TInput>(variant: EventVariant<TInput>, requiredDataFields: readonly string[]): void {
  const { eventType, inputName } = variant;
  const record = (): DesignRecord => variant.designRecord();
  const sampleEvent = () => asEvent(variant.produce(fc.sample(variant.inputs, 1)[0]!, fc.sample(causes(), 1)[0]!), eventType);

  describe(`the ${eventType} design record`, () => {
    it('publishes to a topic that follows its declared convention, for the two consumers it names', () => {
      expectTwoConsumersNamed(record());
      const { name, convention } = record().topic;
      expect(typeof name === 'string' && /^[a-zA-Z0-9._-]{1,249}$/.test(name),
        `topic ${JSON.stringify(name)} must be a legal Kafka topic name: letters, digits, . _ - only`).toBe(true);
      const pattern = topicPattern(convention);
      expect(name, `topic must follow the convention ${convention} (as ${pattern})`).toMatch(pattern);
    });

    it('follows a convention that carries the version, and the topic carries the event version', () => {
      const { name, convention } = record().topic;
      expect(String(convention), 'the convention must name the schema version as <version>, e.g. .v<version>').toContain('<version>');
      const versionInTopic = Number(topicPattern(convention).exec(name)?.groups?.version);
      expect(versionInTopic, `topic ${name} must carry the version of the ${eventType} it holds`).toBe(sampleEvent().version);
    });

    it(`leaves off a field the ${inputName} has, for a stated reason, and the event lacks it`, () => {
      const { field, reason, why } = record().leftOff;
      expect(reasons, `leftOff.reason must be one of ${reasons.join(', ')}`).toContain(reason);
      expectWritten(why, `leftOff ${field}`);
      fc.assert(fc.property(variant.inputs, causes(), (input, cause) => {
        expect(keysIn(input), `leftOff.field must be a field of the ${inputName} (one of ${[...new Set(keysIn(input))].join(', ')})`)
          .toContain(field);
        expect(keysIn(asEvent(variant.produce(input, cause), eventType)), `${eventType} still carries ${field}, the field you left off`)
          .not.toContain(field);
      }), { numRuns: 20 });
    });

    it('adds a non-obvious property that every event carries', () => {
      const { path, why } = record().nonObviousProperty;
      const obvious = [...envelopeBasics, ...requiredDataFields.map((field) => `data.${field}`)];
      expect(obvious, `${path} is one of the obvious fields; name a property a first draft would miss`).not.toContain(path);
      expectWritten(why, `nonObviousProperty ${path}`);
      fc.assert(fc.property(variant.inputs, causes(), (input, cause) => {
        const event = asEvent(variant.produce(input, cause), eventType);
        const value = String(path).split('.').reduce<unknown>(
          (at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), event);
        expect(value === undefined || value === null || value === '',
          `${eventType} must carry ${path}, the property your record names`).toBe(false);
      }), { numRuns: 20 });
    });
  });
}
