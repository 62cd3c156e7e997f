import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSchemaFile, createAjv } from '#graders/testkit/harness/ajv.ts';
import type { Cause } from '../../src/cause.ts';
import { causes } from './domain-arbitraries.ts';
import { exampleCause } from './event-factory-spec.ts';
import { asEvent, type EventVariant, type ProducedEvent } from './event-variant.ts';

type BreakableEvent = ProducedEvent & { data: Record<string, unknown> };
type Breakage = [description: string, breakEvent: (event: BreakableEvent) => void];

/** Breaks the first line of the event's lines (every domain's input has at least one kept line). */
const firstLine = (event: BreakableEvent) => ((event.data.lines as Record<string, unknown>[] | undefined) ?? [{}])[0] ?? {};

/**
 * A schema that accepts anything documents nothing: the learner's schema must refuse
 * events that break the contract, starting from an event their own factory produced. Money
 * is constrained on every amount field, the lines' prices as well as the total.
 */
export function describeEventSchema<TInput>(variant: EventVariant<TInput>, requiredDataFields: readonly string[]): void {
  const { eventType } = variant;
  const schemaName = variant.schemaFile.pathname.split('/').pop();
  const breakages: Breakage[] = [
    ['a total with a fraction of a minor unit', (event) => { event.data.totalCents = 1999.5; }],
    ['a total written as a string', (event) => { event.data.totalCents = String(event.data.totalCents); }],
    ['a line price with a fraction of a minor unit', (event) => { firstLine(event).unitPriceCents = 1999.5; }],
    ['a line price written as a string', (event) => { firstLine(event).unitPriceCents = '19.99'; }],
    ['a negative line price', (event) => { firstLine(event).unitPriceCents = -1999; }],
    ['a currency that is not a three-letter code', (event) => { event.data.currency = 'US$'; }],
    ['no id', (event) => { delete event.id; }],
    ['a local time without a zone in occurredAt', (event) => { event.occurredAt = String(event.occurredAt).replace('Z', ''); }],
    [`the command ${variant.commandType} for a type`, (event) => { event.type = variant.commandType; }],
    ...requiredDataFields.map((field): Breakage => [`no data.${field}`, (event) => { delete event.data[field]; }]),
  ];
  const expectRefused = (validate: (event: unknown) => boolean, input: TInput, cause: Cause, [description, breakEvent]: Breakage) => {
    const event = structuredClone(asEvent(variant.produce(input, cause), eventType)) as BreakableEvent;
    breakEvent(event);
    expect(validate(event), `${schemaName} accepted a ${eventType} event with ${description}: ${JSON.stringify(event)}`).toBe(false);
  };

  describe(`your ${eventType} JSON Schema on hand-picked examples`, () => {
    for (const breakage of breakages) {
      it(`rejects an event with ${breakage[0]}`, async () => {
        const validate = await compileSchemaFile(createAjv(), variant.schemaFile);
        for (const example of variant.examples) expectRefused(validate, example, exampleCause, breakage);
      });
    }
  });

  describe(`your ${eventType} JSON Schema`, () => {
    for (const breakage of breakages) {
      it(`rejects an event with ${breakage[0]}`, async () => {
        const validate = await compileSchemaFile(createAjv(), variant.schemaFile);
        fc.assert(fc.property(variant.inputs, causes(), (input, cause) => expectRefused(validate, input, cause, breakage)), { numRuns: 10 });
      });
    }
  });
}
