import { describe, expect, it } from 'vitest';
import { createAjv } from '../harness/ajv.ts';
import type { EventEnvelope } from './event-envelope.ts';

const validate = createAjv().getSchema('https://course.invalid/schemas/event-envelope.schema.json')!;

const good: EventEnvelope = {
  id: '0190f5a2-7c4e-7d3a-9b1e-2f6c8d4a1b00',
  type: 'OrderPlaced',
  version: 1,
  source: 'checkout',
  occurredAt: '2026-04-23T02:45:12.413Z',
  correlationId: '5b3f1c9e-2a4d-4e8f-9c7b-1d2e3f4a5b6c',
  causationId: '01HZX3K8Q2N4V6B8D0F2H4J6M8',
  data: { orderId: 'ord_7Qk2' },
};

const accepts = (changes: Partial<Record<keyof EventEnvelope, unknown>>) => validate({ ...good, ...changes });
const without = (field: keyof EventEnvelope) => {
  const { [field]: _, ...rest } = good;
  return validate(rest);
};

describe('the course event envelope schema', () => {
  it('accepts a complete envelope with UUID and ULID identifiers', () => {
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(['id', 'type', 'version', 'source', 'occurredAt', 'correlationId', 'causationId', 'data'] as const)(
    'rejects an envelope without %s',
    (field) => {
      expect(without(field)).toBe(false);
    },
  );

  it.each(['OrderPlaced', 'ClaimFiled', 'UserSignedUp', 'InvoicePaid', 'EmailSent', 'ItemSold', 'ImageBuilt', 'CartCheckedOut'])(
    'accepts the past-tense type %s',
    (type) => {
      expect(accepts({ type })).toBe(true);
    },
  );

  it.each(['PlaceOrder', 'CreateOrder', 'OrderPlacing', 'OrderPlace', 'orderPlaced', 'order_placed', 'ORDER_PLACED', 'Placed', ''])(
    'rejects the type %j, which is not a PascalCase past-tense fact',
    (type) => {
      expect(accepts({ type })).toBe(false);
    },
  );

  it.each([0, -1, 1.5, '1'])('rejects the version %j, which is not an integer from 1', (version) => {
    expect(accepts({ version })).toBe(false);
  });

  it.each([
    '2026-04-23T02:45:12.413',
    '2026-04-23T04:45:12.413+02:00',
    '2026-04-23T02:45:12.413+00:00',
    '2026-04-23 02:45:12Z',
    '2026-04-23',
    'Thu Apr 23 2026 04:45:12 GMT+0200',
    '2026-13-23T02:45:12Z',
  ])('rejects occurredAt %j, which is not ISO-8601 UTC with Z', (occurredAt) => {
    expect(accepts({ occurredAt })).toBe(false);
  });

  it('accepts occurredAt with or without fractions of a second', () => {
    expect(accepts({ occurredAt: '2026-04-23T02:45:12Z' })).toBe(true);
    expect(accepts({ occurredAt: '2026-04-23T02:45:12.413123Z' })).toBe(true);
  });

  it.each(['id', 'correlationId', 'causationId'] as const)('rejects a %s that is neither a UUID nor a ULID', (field) => {
    expect(accepts({ [field]: 'order-42' })).toBe(false);
    expect(accepts({ [field]: '' })).toBe(false);
  });

  it.each(['Checkout', 'checkout service', 'https://checkout.example', ''])('rejects the source %j', (source) => {
    expect(accepts({ source })).toBe(false);
  });

  it('rejects data that is not an object', () => {
    expect(accepts({ data: 'OrderPlaced' })).toBe(false);
    expect(accepts({ data: null })).toBe(false);
  });

  it('rejects fields outside the envelope, which belong in data', () => {
    expect(validate({ ...good, customerEmail: 'ana@example.com' })).toBe(false);
  });
});
