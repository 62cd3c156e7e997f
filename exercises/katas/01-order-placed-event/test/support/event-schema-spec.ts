import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSchemaFile, createAjv } from '#graders/testkit/harness/ajv.ts';
import { causes } from './domain-arbitraries.ts';
import { asEvent, type EventVariant, type ProducedEvent } from './event-variant.ts';

type Breakage = [description: string, breakEvent: (event: ProducedEvent & { data: Record<string, unknown> }) => void];

/**
 * A schema that accepts anything documents nothing: the learner's schema must refuse
 * events that break the contract, starting from an event their own factory produced.
 */
export function describeEventSchema<TInput>(variant: EventVariant<TInput>, requiredDataFields: readonly string[]): void {
  const { eventType } = variant;
  const breakages: Breakage[] = [
    ['a total with a fraction of a minor unit', (event) => { event.data.totalCents = 1999.5; }],
    ['a total written as a string', (event) => { event.data.totalCents = String(event.data.totalCents); }],
    ['a currency that is not a three-letter code', (event) => { event.data.currency = 'US$'; }],
    ['no id', (event) => { delete event.id; }],
    ['a local time without a zone in occurredAt', (event) => { event.occurredAt = String(event.occurredAt).replace('Z', ''); }],
    [`the command ${variant.commandType} for a type`, (event) => { event.type = variant.commandType; }],
    ...requiredDataFields.map((field): Breakage => [`no data.${field}`, (event) => { delete event.data[field]; }]),
  ];

  describe(`your ${eventType} JSON Schema`, () => {
    for (const [description, breakEvent] of breakages) {
      it(`rejects an event with ${description}`, async () => {
        const validate = await compileSchemaFile(createAjv(), variant.schemaFile);
        fc.assert(fc.property(variant.inputs, causes(), (input, cause) => {
          const event = structuredClone(asEvent(variant.produce(input, cause), eventType)) as ProducedEvent & {
            data: Record<string, unknown>;
          };
          breakEvent(event);
          expect(validate(event), `${variant.schemaFile.pathname.split('/').pop()} accepted a ${eventType} event with ` +
            `${description}: ${JSON.stringify(event)}`).toBe(false);
        }), { numRuns: 10 });
      });
    }
  });
}
