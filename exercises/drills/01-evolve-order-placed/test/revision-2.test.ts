import { describe, expect, it } from 'vitest';
import { compareSchemas } from '#graders/testkit/events/compat.ts';
import { instanceFindings } from '#graders/testkit/events/instance-findings.ts';
import { schemaFindings } from '#graders/testkit/events/schema-findings.ts';
import { orderPlacedV2 } from '../src/order-placed-v2.ts';
import v1Schema from './recorded/order-placed.v1.schema.json' with { type: 'json' };
import { recordedOrders } from './recorded/orders.ts';
import v1Events from './recorded/v1-events.json' with { type: 'json' };
import v1Results from './recorded/v1-results.json' with { type: 'json' };
import { analytics, perEventConsumers } from './recorded/v1-consumers.ts';
import { compileRevision2, readRevision2, refusal } from './support/revision-2.ts';

const produced = () => recordedOrders.map(({ order, meta }) => orderPlacedV2(order, meta));

describe('your OrderPlaced revision 2', () => {
  it('is backward compatible with revision 1, as npm run events -- compat finds', () => {
    const changes = compareSchemas(v1Schema, readRevision2(), { previous: 'test/recorded/order-placed.v1.schema.json', next: 'src/order-placed.v2.schema.json' })
      .map((change) => `${change.path}: ${change.reason}`);
    expect(changes, `npm run events -- compat finds changes a v1 consumer cannot read:\n  ${changes.join('\n  ')}`).toEqual([]);
  });

  it('reads every v1 event still in the log', () => {
    const validate = compileRevision2();
    const refused = v1Events.filter((event) => !validate(event)).map((event) => `${event.data.orderId} (${event.data.currency}): ${refusal(validate)}`);
    expect(refused, `a v2 consumer replaying the topic from the start refuses these v1 events:\n  ${refused.join('\n  ')}`).toEqual([]);
  });

  it('gives each recorded v1 consumer the result it recorded, on v2 events of the recorded orders', () => {
    const events = produced();
    const results = Object.fromEntries(recordedOrders.map(({ order }, i) =>
      [order.orderId, Object.fromEntries(Object.entries(perEventConsumers).map(([name, consume]) => [name, consume(events[i])]))]));
    expect(results, 'the v1 consumers (test/recorded/v1-consumers.ts) must do with your v2 events what they did with v1 events').toEqual(v1Results.perEvent);
    expect(analytics(events), 'v1 analytics must count the same revenue from v2 events').toEqual(v1Results.analytics);
  });

  it('carries the delivery the customer chose, as shipping asked for it', () => {
    const events = produced();
    for (const [i, { order }] of recordedOrders.entries()) {
      const expected = { method: order.delivery.method, promisedBy: order.delivery.promisedBy.toISOString().slice(0, 10) };
      expect(events[i]!.data.delivery, `${order.orderId}: data.delivery must be the method and the promised UTC date`).toEqual(expected);
    }
  });

  it('describes the delivery in its schema: an unknown method or a promise that is not a date is refused', () => {
    const validate = compileRevision2();
    const [event] = produced();
    for (const [what, delivery] of [
      ['an unknown method', { method: 'teleport', promisedBy: '2026-03-03' }],
      ['a promise that is not a date', { method: 'express', promisedBy: 'next week' }],
      ['a delivery without its method', { promisedBy: '2026-03-03' }],
    ] as const) {
      const broken = { ...event!, data: { ...event!.data, delivery } };
      expect(validate(broken), `src/order-placed.v2.schema.json accepted ${what}: ${JSON.stringify(delivery)}`).toBe(false);
    }
  });

  it('accepts every event it produces, and both pass the course check', () => {
    const validate = compileRevision2();
    const lines = [
      ...schemaFindings(readRevision2()).map((f) => `schema: ${f.rule}: ${f.problem}. Fix: ${f.fix}`),
      ...produced().flatMap((event) => [
        ...(validate(event) ? [] : [`${event.data.orderId}: your schema refuses your own event: ${refusal(validate)}`]),
        ...instanceFindings({ ...event }).map((f) => `${event.data.orderId}: ${f.rule}: ${f.problem}. Fix: ${f.fix}`),
      ]),
    ];
    expect(lines, lines.join('\n')).toEqual([]);
  });

  it('leaves the payload open, so the next revision can add a field the same way', () => {
    const validate = compileRevision2();
    const [event] = produced();
    const next = { ...event!, data: { ...event!.data, giftMessage: 'Happy birthday' } };
    expect(validate(next), `a revision 3 that adds data.giftMessage would break every consumer validating with yours: ${refusal(validate)}`).toBe(true);
  });
});
