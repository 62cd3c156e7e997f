import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import type { PaymentsReport } from '../src/payments-projection.ts';
import { aCapture, paymentsWorld, type PaymentsWorld, settled } from './support/payments.ts';

let world: PaymentsWorld;
beforeAll(async () => {
  world = await paymentsWorld('clinic_negative_capture');
});
afterAll(() => world[Symbol.asyncDispose]());

/** The report's change while `work` runs: tests share one database, so each reads only its own difference. */
async function reportChange(work: () => Promise<unknown>): Promise<PaymentsReport> {
  await world.deliverNew();
  const before = await world.projection.report();
  await work();
  await world.deliverNew();
  const after = await world.projection.report();
  return {
    capturedPayments: after.capturedPayments - before.capturedPayments,
    capturedCents: after.capturedCents - before.capturedCents,
    refundedCents: after.refundedCents - before.refundedCents,
    netCents: after.netCents - before.netCents,
  };
}

/** Appends an event straight to the stream, as any writer with access to the table could. */
const appendDirectly = (type: string, data: Record<string, unknown>) =>
  world.db.pool.query(
    /* sql */ `INSERT INTO payment_events (stream_id, type, data, recorded_at) VALUES ($1, $2, $3, now())`,
    [String(data.orderId ?? 'order-direct'), type, data],
  );

describe('the payments stream and its projections', () => {
  it('records a capture, reports it, counts its customer as paying, and ships the order', async () => {
    const capture = aCapture(4500);
    const change = await reportChange(() => world.ledger.recordCapture(capture));
    expect(change).toEqual({ capturedPayments: 1, capturedCents: 4500, refundedCents: 0, netCents: 4500 });
    expect(await world.projection.payment(capture.paymentId)).toEqual({
      paymentId: capture.paymentId, orderId: capture.orderId, customerId: capture.customerId,
      capturedCents: 4500, refundedCents: 0, status: 'captured',
    });
    expect(await world.projection.customersWhoPaid()).toContain(capture.customerId);
    expect((await world.shipments()).filter((order) => order === capture.orderId)).toEqual([capture.orderId]);
  });

  it('records a refund as a PaymentRefunded of a positive amount that names the captured payment', async () => {
    const capture = aCapture(4500);
    await world.ledger.recordCapture(capture);
    await world.ledger.recordRefund({ paymentId: capture.paymentId, amountCents: 4500 });
    const stream = await world.stream(capture.orderId);
    expect(stream.map((event) => event.type), 'the order\'s stream after the refund').toEqual(['PaymentCaptured', 'PaymentRefunded']);
    expect(stream[0]!.data).toEqual(capture);
    expect(stream[1]!.data, 'the PaymentRefunded event\'s data').toMatchObject({ paymentId: capture.paymentId, amountCents: 4500 });
  });

  it('counts a refunded payment once, and reports what was captured and what was given back', async () => {
    const capture = aCapture(4500);
    const change = await reportChange(async () => {
      await world.ledger.recordCapture(capture);
      await world.ledger.recordRefund({ paymentId: capture.paymentId, amountCents: 4500 });
    });
    expect(change, 'the report\'s change for one payment captured and refunded').toEqual({
      capturedPayments: 1, capturedCents: 4500, refundedCents: 4500, netCents: 0,
    });
  });

  it('shows a refunded payment as refunded and leaves its customer out of those who paid', async () => {
    const capture = aCapture(3000);
    await world.ledger.recordCapture(capture);
    await world.ledger.recordRefund({ paymentId: capture.paymentId, amountCents: 3000 });
    await world.deliverNew();
    expect(await world.projection.payment(capture.paymentId)).toMatchObject({ capturedCents: 3000, refundedCents: 3000, status: 'refunded' });
    expect(await world.projection.customersWhoPaid(), 'customers the shop still holds money from').not.toContain(capture.customerId);
  });

  it('keeps a partly refunded payment, and its customer, among those who paid', async () => {
    const capture = aCapture(5000);
    await world.ledger.recordCapture(capture);
    await world.ledger.recordRefund({ paymentId: capture.paymentId, amountCents: 1200 });
    await world.deliverNew();
    expect(await world.projection.payment(capture.paymentId)).toMatchObject({ capturedCents: 5000, refundedCents: 1200, status: 'partly refunded' });
    expect(await world.projection.customersWhoPaid()).toContain(capture.customerId);
  });

  it('does not tell the warehouse to ship an order again when its payment is refunded', async () => {
    const capture = aCapture(2500);
    await world.ledger.recordCapture(capture);
    await world.ledger.recordRefund({ paymentId: capture.paymentId, amountCents: 2500 });
    const shipped = (await world.shipments()).filter((order) => order === capture.orderId);
    expect(shipped, 'ShipOrder commands the warehouse derived for the order').toEqual([capture.orderId]);
  });

  it('refunds the payment the refund names when the order was paid in two parts', async () => {
    const card = aCapture(3000);
    const voucher = aCapture(2000, { orderId: card.orderId, customerId: card.customerId });
    await world.ledger.recordCapture(card);
    await world.ledger.recordCapture(voucher);
    await world.ledger.recordRefund({ paymentId: voucher.paymentId, amountCents: 2000 });
    await world.deliverNew();
    expect(await world.projection.payment(card.paymentId), 'the card payment, not refunded').toMatchObject({ refundedCents: 0, status: 'captured' });
    expect(await world.projection.payment(voucher.paymentId), 'the voucher payment, refunded').toMatchObject({ refundedCents: 2000, status: 'refunded' });
  });

  it('folds a redelivered refund once', async () => {
    const capture = aCapture(4000);
    const change = await reportChange(async () => {
      await world.ledger.recordCapture(capture);
      await world.ledger.recordRefund({ paymentId: capture.paymentId, amountCents: 1500 });
      const [captured, refunded] = await world.deliverNew();
      await world.redeliver(refunded!);
      await world.redeliver(captured!);
    });
    expect(change, 'the report\'s change after both events were delivered twice').toEqual({
      capturedPayments: 1, capturedCents: 4000, refundedCents: 1500, netCents: 2500,
    });
    expect(await world.projection.payment(capture.paymentId)).toMatchObject({ capturedCents: 4000, refundedCents: 1500 });
  });

  it('refuses a refund larger than what was captured, and appends nothing', async () => {
    const capture = aCapture(2000);
    await world.ledger.recordCapture(capture);
    expect(await settled(world.ledger.recordRefund({ paymentId: capture.paymentId, amountCents: 2001 })), 'a refund of 2001 on a capture of 2000')
      .toBeInstanceOf(Error);
    expect((await world.stream(capture.orderId)).map((event) => event.type)).toEqual(['PaymentCaptured']);
  });

  it('refuses a second refund that would give back more than was captured, and accepts one that fits', async () => {
    const capture = aCapture(5000);
    await world.ledger.recordCapture(capture);
    await world.ledger.recordRefund({ paymentId: capture.paymentId, amountCents: 3000 });
    expect(await settled(world.ledger.recordRefund({ paymentId: capture.paymentId, amountCents: 2500 })), 'a second refund of 2500 when 2000 is left')
      .toBeInstanceOf(Error);
    await world.ledger.recordRefund({ paymentId: capture.paymentId, amountCents: 2000 });
    await world.deliverNew();
    expect(await world.projection.payment(capture.paymentId)).toMatchObject({ refundedCents: 5000, status: 'refunded' });
  });

  it('refuses a refund of a payment that was never captured, or of nothing', async () => {
    const capture = aCapture(1000);
    await world.ledger.recordCapture(capture);
    expect(await settled(world.ledger.recordRefund({ paymentId: 'pay-never-captured', amountCents: 100 }))).toBeInstanceOf(Error);
    expect(await settled(world.ledger.recordRefund({ paymentId: capture.paymentId, amountCents: 0 })), 'a refund of 0').toBeInstanceOf(Error);
    expect(await settled(world.ledger.recordRefund({ paymentId: capture.paymentId, amountCents: -100 })), 'a refund of -100').toBeInstanceOf(Error);
    expect((await world.stream(capture.orderId)).map((event) => event.type)).toEqual(['PaymentCaptured']);
  });

  it('the stream itself refuses a PaymentCaptured of a negative or zero amount, whoever writes it', async () => {
    for (const amountCents of [-4500, 0]) {
      const written = await settled(appendDirectly('PaymentCaptured', aCapture(amountCents)));
      expect(written, `a PaymentCaptured of ${amountCents} written straight to payment_events`).toBeInstanceOf(Error);
    }
  });

  it('the stream itself refuses a PaymentRefunded of a negative or zero amount, whoever writes it', async () => {
    const capture = aCapture(4500);
    await world.ledger.recordCapture(capture);
    for (const amountCents of [-4500, 0]) {
      const written = await settled(appendDirectly('PaymentRefunded', { paymentId: capture.paymentId, orderId: capture.orderId, amountCents }));
      expect(written, `a PaymentRefunded of ${amountCents} written straight to payment_events`).toBeInstanceOf(Error);
    }
  });

  it('agrees with a fold of the accepted refunds, whatever refunds are asked for and events redelivered', async () => {
    const refundAsked = fc.record({ payment: fc.nat({ max: 2 }), amountCents: fc.integer({ min: 1, max: 6000 }) });
    await assertProperty(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 3 }),
        fc.array(refundAsked, { maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        async (capturedCents, refunds, redeliveries) => {
          const captures = capturedCents.map((cents) => aCapture(cents));
          const refunded = captures.map(() => 0);
          for (const capture of captures) await world.ledger.recordCapture(capture);
          for (const { payment, amountCents } of refunds) {
            const at = payment % captures.length;
            const capture = captures[at]!;
            const fits = amountCents <= capture.amountCents - refunded[at]!;
            const outcome = await settled(world.ledger.recordRefund({ paymentId: capture.paymentId, amountCents }));
            expect(outcome === 'resolved', `a refund of ${amountCents} with ${capture.amountCents - refunded[at]!} left`).toBe(fits);
            if (fits) refunded[at] = refunded[at]! + amountCents;
          }
          const delivered = await world.deliverNew();
          for (const pick of redeliveries) if (delivered.length > 0) await world.redeliver(delivered[pick % delivered.length]!);
          for (const [at, capture] of captures.entries()) {
            expect(await world.projection.payment(capture.paymentId)).toMatchObject({
              capturedCents: capture.amountCents,
              refundedCents: refunded[at],
            });
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});
