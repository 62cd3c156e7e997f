import { expect } from 'vitest';
import { expectNoDerivedPersonalData } from '#graders/testkit/harness/derived-personal-data.ts';
import { isIso4217 } from '#graders/testkit/harness/money.ts';
import { expectNoPersonalData } from '#graders/testkit/harness/personal-data.ts';
import type { Cause } from '../../src/cause.ts';
import { asEvent, type EventVariant, linesOf } from './event-variant.ts';

/**
 * The rules of one produced event, each a function of the input (and cause), so that the
 * hand-picked examples and the generated properties check exactly the same thing.
 */
export function eventChecks<TInput>(variant: EventVariant<TInput>) {
  const { eventType, inputName } = variant;
  const produced = (input: TInput, cause: Cause) => asEvent(variant.produce(input, cause), eventType);
  return {
    produced,

    type(input: TInput, cause: Cause) {
      expect(produced(input, cause).type, `the event type must be the past-tense fact ${eventType}`).toBe(eventType);
    },

    freshIds(input: TInput, cause: Cause) {
      const first = produced(input, cause);
      const second = produced(input, cause);
      expect(typeof first.id === 'string' && first.id.length > 0, `${eventType} must carry an id`).toBe(true);
      expect(second.id, `two ${eventType} events got the same id: consumers would drop one as a duplicate`).not.toBe(first.id);
    },

    occurredAt(input: TInput, cause: Cause) {
      const event = produced(input, cause);
      const expected = variant.occurredAtOf(input).toISOString();
      expect(typeof event.occurredAt === 'string' && event.occurredAt.endsWith('Z'),
        `occurredAt must be ISO-8601 in UTC ending in Z (like ${expected}), got ${JSON.stringify(event.occurredAt)}`).toBe(true);
      expect(Date.parse(event.occurredAt as string),
        `occurredAt must be when the ${inputName} happened (${expected}), not when the event was built`)
        .toBe(variant.occurredAtOf(input).getTime());
    },

    cause(input: TInput, cause: Cause) {
      const event = produced(input, cause);
      expect(event.causationId, 'causationId must be the id of the command that caused the event').toBe(cause.commandId);
      expect(event.correlationId, 'correlationId must be the flow id the command carried').toBe(cause.correlationId);
    },

    stableIds(input: TInput, cause: Cause) {
      expect(produced(input, cause).data, `${eventType} data must carry these ids`).toMatchObject(variant.stableIdsOf(input));
    },

    lines(input: TInput, cause: Cause) {
      const kept = variant.pricedLinesOf(input)
        .filter((line) => line.quantity > 0)
        .map(({ quantity, unitPriceCents }) => ({ quantity, unitPriceCents }));
      const lines = linesOf(produced(input, cause), eventType);
      expect(lines.map(({ quantity, unitPriceCents }) => ({ quantity, unitPriceCents })),
        `${eventType} lines must be the ${inputName}'s lines with a quantity above zero, in order`).toEqual(kept);
    },

    total(input: TInput, cause: Cause) {
      const event = produced(input, cause);
      const lines = linesOf(event, eventType);
      const sum = lines.reduce((total, line) => total + line.quantity * line.unitPriceCents, 0);
      const total = event.data?.totalCents;
      expect(Number.isSafeInteger(total),
        `${eventType} totalCents must be a whole number of minor units (cents, yen, fils), got ${total}`).toBe(true);
      expect(total, `${eventType} totalCents must equal the sum of quantity × unitPriceCents over its lines`).toBe(sum);
    },

    currency(input: TInput, cause: Cause) {
      const currency = produced(input, cause).data?.currency;
      expect(isIso4217(currency), `${eventType} currency must be an ISO 4217 code such as EUR, got ${JSON.stringify(currency)}`).toBe(true);
      expect(currency, `${eventType} currency must be the ${inputName}'s currency`).toBe(variant.currencyOf(input));
    },

    noPersonalData(input: TInput, cause: Cause) {
      expectNoPersonalData(produced(input, cause), variant.personOf(input), eventType);
    },

    noDerivedPersonalDataOrSecrets(input: TInput, cause: Cause) {
      expectNoDerivedPersonalData(produced(input, cause), variant.personOf(input), variant.secretsOf?.(input) ?? [], eventType);
    },
  };
}
