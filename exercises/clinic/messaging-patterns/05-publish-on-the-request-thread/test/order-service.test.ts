import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { embeddedOnly, embeddedOnlySuffix } from '#graders/testkit/broker-faults.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { aCustomer, type Answer, orderWorld, type OrderWorld, type ServiceDeath } from './support/order-world.ts';

let world: OrderWorld;
beforeAll(async () => {
  world = await orderWorld('clinic_request_thread');
});
afterEach(() => world.brokerDown(false));
afterAll(() => world[Symbol.asyncDispose]());

// Every test stalls or stops the broker itself, so the file runs on a broker of its own.
describe(`checkout's order service ${embeddedOnlySuffix}`, embeddedOnly, () => {
  it('answers 201 with the order id, stores the order and publishes its OrderPlaced once', async () => {
    const customerId = aCustomer();
    const answer = await world.placeOrder({ customerId, totalCents: 4250 });
    expect(answer.status, `answer: ${JSON.stringify(answer)}`).toBe(201);
    expect(await world.ordersOf(customerId)).toEqual([answer.orderId]);
    await world.drain();
    const [event, ...more] = world.publishedFor(customerId);
    expect(more, 'OrderPlaced events beyond the first').toEqual([]);
    expect(event).toMatchObject({ type: 'OrderPlaced', data: { orderId: answer.orderId, customerId, totalCents: 4250 } });
    expect(await world.recordsOnTopic(), 'records on the topic, as the broker counts them').toBeGreaterThanOrEqual(1);
  });

  it('refuses a body without a customer with 400, and stores nothing', async () => {
    const answer = await world.placeOrder({ customerId: '' });
    expect(answer.status).toBe(400);
    expect(await world.ordersOf('')).toEqual([]);
  });

  it('answers the order while the broker is stalled, and publishes it once the broker moves again', async () => {
    const customerId = aCustomer();
    const stalled = await world.placeOrderWithBrokerStalled({ customerId });
    let answer: Answer | undefined;
    try {
      expect(stalled.first, 'what came first while the broker took produce requests and answered none: the answer, or a produce').toBe('answer');
      answer = await stalled.answer;
      expect(answer.status, 'the answer while the broker was stalled').toBe(201);
      expect(await world.ordersOf(customerId)).toEqual([answer.orderId]);
    } finally {
      stalled.release();
    }
    await world.drain();
    expect(world.timesPublished(answer!.orderId!), 'OrderPlaced published after the broker moved again').toBe(1);
  });

  it('answers 201 while the broker is down, and publishes the order once it is back', async () => {
    const customerId = aCustomer();
    await world.brokerDown(true);
    const answer = await world.placeOrder({ customerId });
    expect(answer.status, `the answer while the broker was down: ${JSON.stringify(answer)}`).toBe(201);
    expect(await world.ordersOf(customerId), 'orders stored while the broker was down').toEqual([answer.orderId]);
    expect(await world.publishPending(), 'a background pass while the broker is down').toBe('failed');
    await world.brokerDown(false);
    await world.drain();
    expect(world.timesPublished(answer.orderId!), 'OrderPlaced published after the broker came back').toBe(1);
  });

  it('never answers 201 for an order it could not store', async () => {
    const customerId = aCustomer();
    await world.failNextOrderInsert();
    const answer = await world.placeOrder({ customerId });
    expect(answer.status, 'the answer when the order could not be written').toBeGreaterThanOrEqual(500);
    expect(await world.ordersOf(customerId)).toEqual([]);
  });

  it('publishes nothing for an order it could not store', async () => {
    const customerId = aCustomer();
    await world.failNextOrderInsert();
    await world.placeOrder({ customerId });
    await world.drain();
    expect(world.publishedFor(customerId), 'OrderPlaced events for an order that was never stored').toEqual([]);
  });

  it.each<ServiceDeath>(['after-order-insert', 'after-commit'])(
    'keeps a stored order and its event together when the service dies %s',
    async (diesAt) => {
      const customerId = aCustomer();
      await world.placeOrderInDyingService(diesAt, { customerId });
      await world.drain();
      const stored = await world.ordersOf(customerId);
      const published = world.publishedFor(customerId).map((event) => event.data.orderId);
      expect(published.sort(), `OrderPlaced published, against orders stored (${JSON.stringify(stored)}), after the service died ${diesAt}`).toEqual(stored);
    },
  );

  it('answers only stored orders, and publishes each stored order and nothing else, under any schedule of stalls, outages and deaths', async () => {
    const step = fc.oneof(
      fc.constant({ kind: 'order' as const }),
      fc.constant({ kind: 'order-while-stalled' as const }),
      fc.record({ kind: fc.constant('order-in-dying-service' as const), afterCalls: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('broker' as const), down: fc.boolean() }),
      fc.constant({ kind: 'publish' as const }),
    );
    await assertProperty(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        const customerId = aCustomer();
        const answered: string[] = [];
        try {
          for (const s of steps) {
            if (s.kind === 'broker') await world.brokerDown(s.down);
            else if (s.kind === 'publish') await world.publishPending();
            else if (s.kind === 'order-in-dying-service') {
              const answer = await world.placeOrderInDyingService({ afterCalls: s.afterCalls }, { customerId });
              if (answer !== 'died' && answer.status === 201) answered.push(answer.orderId!);
            } else if (s.kind === 'order') {
              const answer = await world.placeOrder({ customerId });
              expect(answer.status, `an order placed after ${JSON.stringify(steps)}`).toBe(201);
              answered.push(answer.orderId!);
            } else {
              const stalled = await world.placeOrderWithBrokerStalled({ customerId });
              try {
                expect(stalled.first, `what came first with the broker stalled, after ${JSON.stringify(steps)}`).toBe('answer');
                const answer = await stalled.answer;
                expect(answer.status).toBe(201);
                answered.push(answer.orderId!);
              } finally {
                stalled.release();
              }
            }
          }
        } finally {
          await world.brokerDown(false);
        }
        await world.drain();
        const stored = await world.ordersOf(customerId);
        for (const orderId of answered) expect(stored, `orders stored after ${JSON.stringify(steps)}; ${orderId} was answered 201`).toContain(orderId);
        const published = [...new Set(world.publishedFor(customerId).map((event) => event.data.orderId))].sort();
        expect(published, `orders published, against orders stored, after ${JSON.stringify(steps)}`).toEqual(stored);
      }),
      // Each run places orders over HTTP and may kill a service: a few runs here, COURSE_RUNS for a deeper search.
      { numRuns: 4 },
    );
  });
});
