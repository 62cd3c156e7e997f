import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { attemptsPerPayment } from '../src/payment-step-api.ts';
import { aCard, aPayment, paymentWorld, type PaymentWorld } from './support/payments.ts';

let world: PaymentWorld;
beforeAll(async () => {
  world = await paymentWorld('clinic_no_idempotency_key');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the payment step', () => {
  it('charges the card once, answers paid and records the payment', async () => {
    const payment = aPayment(2_500);
    expect(await world.paymentStep().pay(payment)).toBe('paid');
    expect(world.provider.chargedFor(payment.orderId)).toEqual([2_500]);
    expect(await world.recordedFor(payment.orderId)).toEqual([2_500]);
  });

  it('answers declined, charges nothing and records nothing when the card is declined', async () => {
    const payment = aPayment();
    world.provider.declining.add(payment.card);
    expect(await world.paymentStep().pay(payment)).toBe('declined');
    expect(world.provider.chargedFor(payment.orderId)).toEqual([]);
    expect(await world.recordedFor(payment.orderId)).toEqual([]);
  });

  it('charges once when the provider charged but its answer was lost and the call is made again', async () => {
    const payment = aPayment(7_000);
    world.provider.loseAnswers(1);
    expect(await world.paymentStep().pay(payment), 'the answer once the second call got through').toBe('paid');
    expect(world.provider.chargedFor(payment.orderId), 'what the customer was charged').toEqual([7_000]);
    expect(await world.recordedFor(payment.orderId)).toEqual([7_000]);
  });

  it('charges once when a restarted service pays for an order whose answers never came', async () => {
    const payment = aPayment(3_300);
    world.provider.loseAnswers(attemptsPerPayment);
    await expect(world.paymentStep().pay(payment), 'the first run, which never heard back').rejects.toThrow();
    const restarted = world.paymentStep();
    expect(await restarted.pay(payment), 'the saga running the step again after a restart').toBe('paid');
    expect(world.provider.chargedFor(payment.orderId), 'what the customer was charged').toEqual([3_300]);
    expect(await world.recordedFor(payment.orderId)).toEqual([3_300]);
  });

  it('charges a new card after the first card of the order was declined', async () => {
    const payment = aPayment(1_800);
    world.provider.declining.add(payment.card);
    const step = world.paymentStep();
    expect(await step.pay(payment)).toBe('declined');
    expect(await step.pay({ ...payment, card: aCard() }), 'the customer paying with another card').toBe('paid');
    expect(world.provider.chargedFor(payment.orderId)).toEqual([1_800]);
  });

  it('charges the same card again once the issuer accepts it after a decline', async () => {
    const payment = aPayment(1_200);
    world.provider.declining.add(payment.card);
    const step = world.paymentStep();
    expect(await step.pay(payment)).toBe('declined');
    world.provider.declining.delete(payment.card);
    expect(await step.pay(payment), 'the customer trying the same card again after topping it up').toBe('paid');
    expect(world.provider.chargedFor(payment.orderId)).toEqual([1_200]);
  });

  it('charges a second, different amount for the same order', async () => {
    const payment = aPayment(5_000);
    const step = world.paymentStep();
    expect(await step.pay(payment)).toBe('paid');
    // The customer added an item after paying: the order owes 1 500 more, on the same card.
    expect(await step.pay({ ...payment, amountCents: 1_500 }), 'the additional payment').toBe('paid');
    expect(world.provider.chargedFor(payment.orderId)).toEqual([5_000, 1_500]);
    expect(await world.recordedFor(payment.orderId)).toEqual([1_500, 5_000]);
  });

  it('does not count a request the provider refused for a reused key as paid', async () => {
    const payment = aPayment();
    world.provider.refuseNextAsKeyReused();
    await expect(world.paymentStep().pay(payment), 'the payment the provider refused with a 409').rejects.toThrow();
    expect(world.provider.chargedFor(payment.orderId)).toEqual([]);
    expect(await world.recordedFor(payment.orderId)).toEqual([]);
  });

  it('charges exactly the payments answered paid, however many answers are lost and however often the service restarts', async () => {
    await assertProperty(
      fc.asyncProperty(
        // Distinct amounts: each is a payment of its own for the order, not a repeat of one.
        fc.uniqueArray(fc.record({ amountCents: fc.integer({ min: 100, max: 900 }), lostAnswers: fc.integer({ min: 0, max: 2 * attemptsPerPayment }) }), {
          minLength: 1,
          maxLength: 3,
          selector: (payment) => payment.amountCents,
        }),
        async (payments) => {
          const { orderId, card } = aPayment();
          let paid = 0;
          for (const { amountCents, lostAnswers } of payments) {
            world.provider.loseAnswers(lostAnswers);
            // The saga runs the step until it answers, on a restarted service after each failure.
            for (let run = 0; ; run++) {
              const outcome = await world.paymentStep().pay({ orderId, amountCents, card }).catch(() => undefined);
              if (outcome === 'paid') paid += amountCents;
              if (outcome !== undefined) break;
              expect(run, 'runs of the step before it answered').toBeLessThan(3);
            }
          }
          const charged = world.provider.chargedFor(orderId).reduce((sum, cents) => sum + cents, 0);
          expect(charged, `cents charged for ${JSON.stringify(payments)}`).toBe(paid);
        },
      ),
      { numRuns: 10 },
    );
  });
});
