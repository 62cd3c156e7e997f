import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Finding, nameFindings } from '#graders/testkit/events/event-names.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import type { OrderEdit } from '../src/order.ts';
import { anOrder, runOrder } from './support/orders.ts';

const readFinding = (finding: Finding) => `${finding.problem}; ${finding.fix}`;

const newAddress = '9 Canal Street, Glasgow';
const returnsAddress = '9 Canal Street, Flat 2, Glasgow';

describe('the order service', () => {
  it('names every event a specific past-tense fact and keys it by the order', () => {
    const run = runOrder(anOrder(), [{ giftNote: 'Happy birthday' }, { shippingAddress: newAddress }, { cancel: { reason: 'customer asked' } }]);
    const types = [...new Set(run.events.map((event) => event.type))];
    expect(types.flatMap(nameFindings).map(readFinding)).toEqual([]);
    expect(run.events.map((event) => event.orderId)).toEqual(run.events.map(() => 'o-1'));
  });

  it('publishes one fact for each thing an edit changed, and none for an edit that changes nothing', () => {
    const edits: OrderEdit[] = [
      { giftNote: 'Happy birthday' },
      { shippingAddress: newAddress },
      { shippingAddress: newAddress },
      { cancel: { reason: 'customer asked' } },
      { cancel: { reason: 'asked twice' } },
      { shippingAddress: returnsAddress },
    ];
    const run = runOrder(anOrder(), edits);
    const counts = run.perEdit.map((events) => events.length);
    expect(counts, 'facts per edit: note, address, the same address again, cancel, cancel again, address after cancelling').toEqual([1, 1, 0, 1, 0, 1]);
  });
});

describe('shipping and refunds, from the order service events', () => {
  it('refunds a cancelled order once, though its address is corrected after the cancellation', () => {
    const run = runOrder(anOrder(), [{ cancel: { reason: 'customer asked' } }, { shippingAddress: returnsAddress }]);
    expect(run.refunds.issued()).toEqual([{ orderId: 'o-1', amountCents: 4_200 }]);
  });

  it('re-routes a parcel only when its address changed, and prints a gift card for a new note', () => {
    const run = runOrder(anOrder(), [{ giftNote: 'Happy birthday' }, { shippingAddress: anOrder().shippingAddress }, { shippingAddress: newAddress }]);
    expect(run.shipping.parcel('o-1')).toEqual({ address: newAddress, state: 'on its way', reroutes: 1, giftCards: 1 });
  });

  it('stops the parcel unrouted and refunds once when one edit changes the address and cancels', () => {
    const run = runOrder(anOrder(), [{ shippingAddress: returnsAddress, cancel: { reason: 'moved away' } }]);
    expect(run.shipping.parcel('o-1')).toEqual({ address: returnsAddress, state: 'stopped', reroutes: 0, giftCards: 0 });
    expect(run.refunds.issued()).toEqual([{ orderId: 'o-1', amountCents: 4_200 }]);
  });

  it('re-routes once and then stops the parcel when a cancellation follows an address change', () => {
    const run = runOrder(anOrder(), [{ shippingAddress: newAddress }, { cancel: { reason: 'customer asked' } }]);
    expect(run.shipping.parcel('o-1')).toEqual({ address: newAddress, state: 'stopped', reroutes: 1, giftCards: 0 });
    expect(run.refunds.issued()).toEqual([{ orderId: 'o-1', amountCents: 4_200 }]);
  });
});

const anEdit: fc.Arbitrary<OrderEdit> = fc.record(
  {
    shippingAddress: fc.constantFrom(anOrder().shippingAddress, newAddress, returnsAddress),
    giftNote: fc.constantFrom('', 'Happy birthday', 'Congratulations'),
    cancel: fc.constant({ reason: 'generated' }),
  },
  { requiredKeys: [] },
);

describe('any sequence of edits', () => {
  it('re-routes, prints, stops and refunds exactly as the edits call for', async () => {
    await assertProperty(
      fc.property(fc.array(anEdit, { maxLength: 8 }), (edits) => {
        const run = runOrder(anOrder(), edits);
        // The model: what each edit means for the parcel and the money, edit by edit.
        let live = true;
        let address = anOrder().shippingAddress;
        let note = '';
        let reroutes = 0;
        let giftCards = 0;
        for (const edit of edits) {
          const cancels = live && Boolean(edit.cancel);
          if (cancels) live = false;
          if (edit.shippingAddress !== undefined && edit.shippingAddress !== address) {
            if (live) reroutes += 1;
            address = edit.shippingAddress;
          }
          if (edit.giftNote !== undefined && edit.giftNote !== note) {
            if (live && edit.giftNote !== '') giftCards += 1;
            note = edit.giftNote;
          }
        }
        const story = `edits: ${JSON.stringify(edits)}\nevents: ${run.events.map((event) => event.type).join(', ')}`;
        expect(run.shipping.parcel('o-1'), story).toEqual({ address, state: live ? 'on its way' : 'stopped', reroutes, giftCards });
        expect(run.refunds.issued(), story).toEqual(live ? [] : [{ orderId: 'o-1', amountCents: 4_200 }]);
        expect([...new Set(run.events.map((event) => event.type))].flatMap(nameFindings).map(readFinding), story).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
