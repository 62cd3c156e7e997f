import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectValidEnvelope } from '#graders/testkit/harness/event-envelope.ts';
import { compileSchemaFile, createAjv, expectMatchesSchema } from '#graders/testkit/harness/ajv.ts';
import { isIso4217 } from '#graders/testkit/harness/money.ts';
import { expectNoPersonalData } from '#graders/testkit/harness/personal-data.ts';
import { causes } from './domain-arbitraries.ts';
import { asEvent, type EventVariant, linesOf } from './event-variant.ts';

/** The behaviour every event factory of the kata must have, whatever its domain. */
export function describeEventFactory<TInput>(variant: EventVariant<TInput>): void {
  const { eventType, inputName } = variant;
  const produced = (input: TInput, cause = fc.sample(causes(), 1)[0]!) =>
    asEvent(variant.produce(input, cause), eventType);

  describe(`the ${eventType} factory`, () => {
    it('produces events that keep the course envelope', () => {
      fc.assert(fc.property(variant.inputs, causes(), (input, cause) => {
        expectValidEnvelope(produced(input, cause), eventType);
      }));
    });

    it('produces events that match your own JSON Schema', async () => {
      const validate = await compileSchemaFile(createAjv(), variant.schemaFile);
      fc.assert(fc.property(variant.inputs, causes(), (input, cause) => {
        expectMatchesSchema(validate, produced(input, cause), eventType);
      }));
    });

    it(`names the fact ${eventType}`, () => {
      fc.assert(fc.property(variant.inputs, (input) => {
        expect(produced(input).type, `the event type must be the past-tense fact ${eventType}`).toBe(eventType);
      }), { numRuns: 10 });
    });

    it('gives every event an id of its own, even for the same input', () => {
      fc.assert(fc.property(variant.inputs, causes(), (input, cause) => {
        const first = produced(input, cause);
        const second = produced(input, cause);
        expect(typeof first.id === 'string' && first.id.length > 0, `${eventType} must carry an id`).toBe(true);
        expect(second.id, `two ${eventType} events got the same id: consumers would drop one as a duplicate`)
          .not.toBe(first.id);
      }), { numRuns: 20 });
    });

    it(`stamps occurredAt with the moment the ${inputName} happened, in UTC`, () => {
      fc.assert(fc.property(variant.inputs, (input) => {
        const event = produced(input);
        const expected = variant.occurredAtOf(input).toISOString();
        expect(typeof event.occurredAt === 'string' && event.occurredAt.endsWith('Z'),
          `occurredAt must be ISO-8601 in UTC ending in Z (like ${expected}), got ${JSON.stringify(event.occurredAt)}`).toBe(true);
        expect(Date.parse(event.occurredAt as string),
          `occurredAt must be when the ${inputName} happened (${expected}), not when the event was built`)
          .toBe(variant.occurredAtOf(input).getTime());
      }));
    });

    it('carries the command as its cause and the flow as its correlation', () => {
      fc.assert(fc.property(variant.inputs, causes(), (input, cause) => {
        const event = produced(input, cause);
        expect(event.causationId, 'causationId must be the id of the command that caused the event').toBe(cause.commandId);
        expect(event.correlationId, 'correlationId must be the flow id the command carried').toBe(cause.correlationId);
      }), { numRuns: 20 });
    });

    it(`carries the stable ids of the ${inputName}`, () => {
      fc.assert(fc.property(variant.inputs, (input) => {
        expect(produced(input).data, `${eventType} data must carry these ids`).toMatchObject(variant.stableIdsOf(input));
      }), { numRuns: 20 });
    });

    it('keeps every line with a quantity and leaves out the lines at quantity zero', () => {
      fc.assert(fc.property(variant.inputs, (input) => {
        const kept = variant.pricedLinesOf(input)
          .filter((line) => line.quantity > 0)
          .map(({ quantity, unitPriceCents }) => ({ quantity, unitPriceCents }));
        const lines = linesOf(produced(input), eventType);
        expect(lines.map(({ quantity, unitPriceCents }) => ({ quantity, unitPriceCents })),
          `${eventType} lines must be the ${inputName}'s lines with a quantity above zero, in order`).toEqual(kept);
      }));
    });

    it('totals its lines exactly, in integer minor units of the currency', () => {
      fc.assert(fc.property(variant.inputs, (input) => {
        const event = produced(input);
        const lines = linesOf(event, eventType);
        const sum = lines.reduce((total, line) => total + line.quantity * line.unitPriceCents, 0);
        const total = event.data?.totalCents;
        expect(Number.isSafeInteger(total),
          `${eventType} totalCents must be a whole number of minor units (cents, yen, fils), got ${total}`).toBe(true);
        expect(total, `${eventType} totalCents must equal the sum of quantity × unitPriceCents over its lines`).toBe(sum);
      }));
    });

    it('states its currency as the ISO 4217 code of the input', () => {
      fc.assert(fc.property(variant.inputs, (input) => {
        const currency = produced(input).data?.currency;
        expect(isIso4217(currency), `${eventType} currency must be an ISO 4217 code such as EUR, got ${JSON.stringify(currency)}`).toBe(true);
        expect(currency, `${eventType} currency must be the ${inputName}'s currency`).toBe(variant.currencyOf(input));
      }));
    });

    it('publishes no personal data of the person behind it', () => {
      fc.assert(fc.property(variant.inputs, (input) => {
        expectNoPersonalData(produced(input), variant.personOf(input), eventType);
      }));
    });
  });
}
