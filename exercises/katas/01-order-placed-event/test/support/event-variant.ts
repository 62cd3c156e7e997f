import fc from 'fast-check';
import { expect } from 'vitest';
import type { PersonalData } from '#graders/testkit/harness/personal-data.ts';
import type { PricedLine } from '#graders/testkit/harness/money.ts';
import type { Cause } from '../../src/cause.ts';
import type { DesignRecord } from '../../src/design-record.ts';

/** One domain of the kata, as its test file describes it to the shared specifications. */
export interface EventVariant<TInput> {
  /** The past-tense fact, e.g. `OrderPlaced`. */
  eventType: string;
  /** The command that asks for it, e.g. `PlaceOrder`: never a valid event type. */
  commandType: string;
  /** What the input is called in failure messages, e.g. `order`. */
  inputName: string;
  produce(input: TInput, cause: Cause): unknown;
  designRecord(): DesignRecord;
  /** The learner's JSON Schema for the event, relative to the test file. */
  schemaFile: URL;
  inputs: fc.Arbitrary<TInput>;
  /**
   * Hand-picked inputs that stage every rule at once (a removed line, a free line, a
   * currency without or with three minor digits, an email with a tag in capitals): the
   * deterministic examples the properties search around.
   */
  examples: readonly TInput[];
  /** Values of the input that are secrets (a password hash): never in the event, in any form. */
  secretsOf?(input: TInput): string[];
  personOf(input: TInput): PersonalData;
  pricedLinesOf(input: TInput): readonly PricedLine[];
  currencyOf(input: TInput): string;
  occurredAtOf(input: TInput): Date;
  /** The stable identifiers the payload must carry, by field name. */
  stableIdsOf(input: TInput): Record<string, string>;
}

/** The fields every produced event is looked at through; all unknown until checked. */
export interface ProducedEvent {
  id?: unknown;
  type?: unknown;
  version?: unknown;
  occurredAt?: unknown;
  correlationId?: unknown;
  causationId?: unknown;
  data?: Record<string, unknown>;
}

/** The event as an object, or an assertion failure that says what the factory returned. */
export function asEvent(value: unknown, eventType: string): ProducedEvent {
  expect(value !== null && typeof value === 'object' && !Array.isArray(value),
    `the ${eventType} factory must return the event as an object, got ${JSON.stringify(value)}`).toBe(true);
  const event = value as ProducedEvent;
  expect(event.data !== null && typeof event.data === 'object',
    `${eventType} must carry its payload in data, got ${JSON.stringify(event.data)}`).toBe(true);
  return event;
}

/** The event's lines, after checking that each is a line with safe integer amounts. */
export function linesOf(event: ProducedEvent, eventType: string): PricedLine[] {
  const lines = event.data?.lines;
  expect(Array.isArray(lines), `${eventType} data.lines must be an array, got ${JSON.stringify(lines)}`).toBe(true);
  for (const line of lines as unknown[]) {
    const { quantity, unitPriceCents } = (line ?? {}) as Record<string, unknown>;
    expect(Number.isSafeInteger(quantity) && Number.isSafeInteger(unitPriceCents),
      `${eventType} line ${JSON.stringify(line)} must have an integer quantity and unitPriceCents`).toBe(true);
  }
  return lines as PricedLine[];
}
