import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { anOrder, checkoutWorld, type CheckoutWorld, ProviderTimeout } from './support/checkout.ts';

let world: CheckoutWorld;
beforeAll(async () => {
  world = await checkoutWorld('clinic_compensation_rollback');
});
afterAll(() => world[Symbol.asyncDispose]());

/** How a delivery ended: 'resolved', or the error it rejected with (a timeout the course staged is let through). */
const settled = (delivery: Promise<void>) => delivery.then(() => 'resolved' as const, (error: unknown) => error);
const ignoringTimeouts = (delivery: Promise<void>) =>
  delivery.catch((error: unknown) => {
    if (!(error instanceof ProviderTimeout)) throw error;
  });

const kinds = async (orderId: string) => (await world.saga().paymentHistory(orderId)).map((record) => record.kind);

describe('the checkout payment step and its compensation', () => {
  it('captures the payment and records it when the order goes ahead', async () => {
    const order = anOrder(4500);
    expect(await world.saga().capturePayment(order)).toBe('captured');
    expect(world.provider.netCaptured(order.orderId)).toBe(4500);
    expect(await world.saga().paymentHistory(order.orderId)).toEqual([{ kind: 'PaymentCaptured', amountCents: 4500 }]);
  });

  it('gives the customer their money back at the provider when shipping fails', async () => {
    const order = anOrder(4500);
    const saga = world.saga();
    await saga.capturePayment(order);
    await saga.onShippingFailed(order.orderId);
    expect(world.provider.netCaptured(order.orderId), 'what the provider still holds of the customer\'s money').toBe(0);
    expect(world.provider.refunds(order.orderId)).toEqual([4500]);
  });

  it('keeps the capture in the payment history and records the refund after it', async () => {
    const order = anOrder(3200);
    const saga = world.saga();
    await saga.capturePayment(order);
    await saga.onShippingFailed(order.orderId);
    expect(await saga.paymentHistory(order.orderId), 'the payment history after compensation').toEqual([
      { kind: 'PaymentCaptured', amountCents: 3200 },
      { kind: 'PaymentRefunded', amountCents: 3200 },
    ]);
  });

  it('refunds once when the shipping failure is delivered again, to a restarted service', async () => {
    const order = anOrder(2100);
    await world.saga().capturePayment(order);
    await world.saga().onShippingFailed(order.orderId);
    await world.saga().onShippingFailed(order.orderId);
    expect(world.provider.refunds(order.orderId), 'refunds at the provider after two deliveries').toEqual([2100]);
    expect(await kinds(order.orderId)).toEqual(['PaymentCaptured', 'PaymentRefunded']);
  });

  it('refunds once when the refund\'s answer was lost and the failure is delivered again', async () => {
    const order = anOrder(5000);
    const saga = world.saga();
    await saga.capturePayment(order);
    world.provider.loseNextRefundAnswer(order.orderId);
    // Rejecting with the timeout (the event comes again) and asking again at once are both sound.
    await ignoringTimeouts(saga.onShippingFailed(order.orderId));
    await saga.onShippingFailed(order.orderId);
    expect(world.provider.refunds(order.orderId), 'refunds at the provider after the retry').toEqual([5000]);
    expect(await saga.paymentHistory(order.orderId)).toEqual([
      { kind: 'PaymentCaptured', amountCents: 5000 },
      { kind: 'PaymentRefunded', amountCents: 5000 },
    ]);
  });

  it('refunds what was captured when the provider captured less than the order total', async () => {
    const order = anOrder(8000);
    world.provider.captureAtMost(order.orderId, 6500);
    const saga = world.saga();
    await saga.capturePayment(order);
    await saga.onShippingFailed(order.orderId);
    expect(world.provider.refunds(order.orderId), 'the refund of a payment captured at 6500 of 8000').toEqual([6500]);
    expect(world.provider.netCaptured(order.orderId)).toBe(0);
    expect(await saga.paymentHistory(order.orderId)).toEqual([
      { kind: 'PaymentCaptured', amountCents: 6500 },
      { kind: 'PaymentRefunded', amountCents: 6500 },
    ]);
  });

  it('leaves an order whose card was declined alone: nothing was taken, so nothing is refunded', async () => {
    const order = anOrder(1500);
    world.provider.decline(order.orderId);
    const saga = world.saga();
    expect(await saga.capturePayment(order)).toBe('declined');
    expect(await settled(saga.onShippingFailed(order.orderId)), 'compensating an order that paid nothing').toBe('resolved');
    expect(world.provider.refusedRefunds.map((refusal) => refusal.reason), 'refunds asked for a payment never captured').toEqual([]);
    expect(await kinds(order.orderId)).not.toContain('PaymentRefunded');
  });

  it('records no refund, and rejects so the failure comes again, when the provider refuses the refund', async () => {
    const order = anOrder(2700);
    const saga = world.saga();
    await saga.capturePayment(order);
    world.provider.refuseRefunds(order.orderId);
    expect(await settled(saga.onShippingFailed(order.orderId)), 'how the delivery whose refund was refused ended').not.toBe('resolved');
    expect(await kinds(order.orderId), 'the payment history while the refund is refused').toEqual(['PaymentCaptured']);
    expect(world.provider.netCaptured(order.orderId)).toBe(2700);
  });

  it('refunds once when a refused refund is accepted on a later delivery', async () => {
    const order = anOrder(2700);
    const saga = world.saga();
    await saga.capturePayment(order);
    world.provider.refuseRefunds(order.orderId);
    await saga.onShippingFailed(order.orderId).catch(() => {});
    world.provider.acceptRefunds(order.orderId);
    await saga.onShippingFailed(order.orderId);
    expect(world.provider.refunds(order.orderId), 'refunds after the review was cleared').toEqual([2700]);
    expect(await kinds(order.orderId)).toEqual(['PaymentCaptured', 'PaymentRefunded']);
  });

  it('ends with the money back once and the history whole, whatever answers are lost on the way', async () => {
    await assertProperty(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
        fc.array(fc.boolean(), { maxLength: 4 }),
        async (amountCents, captureLimit, lostAnswers) => {
          const order = anOrder(amountCents);
          if (captureLimit !== undefined) world.provider.captureAtMost(order.orderId, captureLimit);
          const captured = Math.min(amountCents, captureLimit ?? amountCents);
          await world.saga().capturePayment(order);
          // Each delivery of the failure goes to a new service instance; some lose the refund's answer.
          for (const lost of lostAnswers) {
            if (lost) world.provider.loseNextRefundAnswer(order.orderId);
            await ignoringTimeouts(world.saga().onShippingFailed(order.orderId));
          }
          await world.saga().onShippingFailed(order.orderId);
          expect(world.provider.refunds(order.orderId)).toEqual([captured]);
          expect(await world.saga().paymentHistory(order.orderId)).toEqual([
            { kind: 'PaymentCaptured', amountCents: captured },
            { kind: 'PaymentRefunded', amountCents: captured },
          ]);
        },
      ),
      { numRuns: 12 },
    );
  });
});
