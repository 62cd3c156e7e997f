import { describe, expect, it } from 'vitest';
import { instanceFindings } from './instance-findings.ts';
import { schemaFindings } from './schema-findings.ts';

const envelope = { allOf: [{ $ref: 'https://course.invalid/schemas/event-envelope.schema.json' }] };
const eventSchema = (name: string, data: Record<string, unknown>, extra: Record<string, unknown> = envelope) => ({
  ...extra,
  properties: { type: { const: name }, data: { type: 'object', properties: data } },
});
const rules = (schema: Record<string, unknown>) => schemaFindings(schema).map((f) => `${f.rule} ${f.problem}`);

describe('an event schema', () => {
  it('passes with the envelope, a subject id and no personal data', () => {
    expect(rules(eventSchema('OrderPlaced', { orderId: { type: 'string' }, customerId: { type: 'string' }, totalCents: { type: 'integer' } }))).toEqual([]);
  });

  it('needs the envelope fields, by reference or required one by one', () => {
    const own = eventSchema('OrderPlaced', { orderId: { type: 'string' } }, { required: ['id', 'type', 'version', 'source', 'occurredAt'] });
    expect(rules(own)).toEqual(['envelope/fields the envelope fields causationId, correlationId are not required']);
  });

  it('names its subject by a stable id and does not embed whole entities', () => {
    expect(rules(eventSchema('OrderPlaced', { total: { type: 'integer' } }))).toEqual(['payload/stable-id data does not name its subject by a stable id (orderId)']);
    const embedded = eventSchema('OrderPlaced', { orderId: { type: 'string' }, customer: { type: 'object', properties: { id: { type: 'string' }, tier: { type: 'string' } } } });
    expect(rules(embedded)).toEqual(['payload/stable-id data.customer embeds a whole entity']);
  });

  it('flags secrets and personal data in derived forms too', () => {
    const leaky = eventSchema('UserSignedUp', { userId: { type: 'string' }, passwordHash: { type: 'string' }, emailSha256: { type: 'string' }, apiToken: { type: 'string' } });
    expect(rules(leaky)).toEqual([
      'privacy/secret data.passwordHash is a secret (hashed or not, it must never leave its owner)',
      'privacy/personal-data data.emailSha256 is personal data (a hash or a masked copy still is)',
      'privacy/secret data.apiToken is a secret (hashed or not, it must never leave its owner)',
    ]);
  });

  it('accepts personal data a property justifies with x-personal-data', () => {
    const shipping = eventSchema('ShipmentRequested', { shipmentId: { type: 'string' }, deliveryAddress: { type: 'string', 'x-personal-data': 'the carrier needs where to deliver' } });
    expect(rules(shipping)).toEqual([]);
  });
});

describe('a recorded event', () => {
  const event = {
    id: '01J9Z3M4K8T6X2V5B7N1Q0R3S4', type: 'OrderPlaced', version: 1, source: 'checkout', occurredAt: '2026-01-01T00:00:00.000Z',
    correlationId: '01J9Z3M4K8T6X2V5B7N1Q0R3S5', causationId: '01J9Z3M4K8T6X2V5B7N1Q0R3S6', data: { orderId: 'o-1' },
  };

  it('passes with a full envelope and a ULID', () => {
    expect(instanceFindings(event)).toEqual([]);
  });

  it('asks for a UUIDv7 or ULID id, and names missing envelope fields', () => {
    const { correlationId: _, ...partial } = { ...event, id: '3b241101-e2bb-4255-8caf-4136c566a962' };
    expect(instanceFindings(partial).map((f) => f.rule)).toEqual(['envelope/fields', 'envelope/id']);
  });
});
