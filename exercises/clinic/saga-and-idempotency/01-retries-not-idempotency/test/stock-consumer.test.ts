import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { anOrder, reserveStock, stockWorld, type StockWorld } from './support/stock.ts';

let world: StockWorld;
beforeAll(async () => {
  world = await stockWorld('clinic_retries_not_idempotency');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the stock consumer', () => {
  it('reserves stock for a ReserveStock and answers StockReserved', async () => {
    const order = anOrder();
    const sku = await world.addStock(10);
    const [reply] = await world.send(world.consumer(), reserveStock(order, sku, 3));
    expect(reply).toMatchObject({ type: 'StockReserved', orderId: order });
    expect(await world.reservationsFor(order)).toEqual([3]);
    expect(await world.available(sku)).toBe(7);
  });

  it('answers OutOfStock and holds nothing when too few units are left', async () => {
    const order = anOrder();
    const sku = await world.addStock(2);
    const [reply] = await world.send(world.consumer(), reserveStock(order, sku, 3));
    expect(reply).toMatchObject({ type: 'OutOfStock', orderId: order, available: 2 });
    expect(await world.reservationsFor(order)).toEqual([]);
    expect(await world.available(sku)).toBe(2);
  });

  it('reserves once when the checkout resends a command whose answer was lost', async () => {
    const order = anOrder();
    const sku = await world.addStock(10);
    await world.send(world.consumer(), reserveStock(order, sku, 4), { lostReplies: 1 });
    expect(await world.reservationsFor(order), 'reservations after the command was sent twice').toEqual([4]);
    expect(await world.available(sku), 'units left after the command was sent twice').toBe(6);
  });

  it('answers a resent command with the answer the first attempt gave', async () => {
    const order = anOrder();
    const sku = await world.addStock(10);
    const [lost, resent] = await world.send(world.consumer(), reserveStock(order, sku, 2), { lostReplies: 1 });
    expect(lost).toMatchObject({ type: 'StockReserved' });
    expect(resent, 'the answer to the resent command').toEqual(lost);
  });

  it('reserves for each distinct command of the same order, even for the same product', async () => {
    const order = anOrder();
    const sku = await world.addStock(10);
    const consumer = world.consumer();
    // The customer added the same product again: a second command, with an id of its own.
    await world.send(consumer, reserveStock(order, sku, 1));
    const [second] = await world.send(consumer, reserveStock(order, sku, 1));
    expect(second, 'the answer to the order\'s second command').toMatchObject({ type: 'StockReserved' });
    expect(await world.reservationsFor(order)).toEqual([1, 1]);
    expect(await world.available(sku)).toBe(8);
  });

  it('reserves once when the resent command reaches a restarted consumer', async () => {
    const order = anOrder();
    const sku = await world.addStock(10);
    const command = reserveStock(order, sku, 5);
    const [first] = await world.send(world.consumer(), command);
    const [resent] = await world.send(world.consumer(), command);
    expect(await world.reservationsFor(order), 'reservations after the restarted service got the command again').toEqual([5]);
    expect(resent).toEqual(first);
  });

  it('reserves when a command whose first attempt failed is sent again', async () => {
    const order = anOrder();
    const sku = await world.addStock(10);
    const consumer = world.consumer();
    const command = reserveStock(order, sku, 3);
    await world.failNextReservation();
    await expect(consumer.handle(command), 'the first attempt, whose reservation could not be written').rejects.toThrow();
    const [reply] = await world.send(consumer, command);
    expect(reply, 'the answer to the command sent again after the failure').toMatchObject({ type: 'StockReserved' });
    expect(await world.reservationsFor(order)).toEqual([3]);
    expect(await world.available(sku)).toBe(7);
  });

  it('reserves once when two deliveries of one command are handled at the same moment', async () => {
    const order = anOrder();
    const sku = await world.addStock(10);
    const [first, second] = await world.deliverTwiceAtOnce(reserveStock(order, sku, 2));
    expect(first.status, 'the delivery that got there first').toBe('fulfilled');
    expect(await world.reservationsFor(order), 'reservations after two simultaneous deliveries').toEqual([2]);
    expect(await world.available(sku)).toBe(8);
    // The second may fail (it is delivered again later); if it answers, it answers as the first.
    if (second.status === 'fulfilled' && first.status === 'fulfilled') expect(second.value).toEqual(first.value);
  });

  it('holds exactly the units of the distinct commands answered StockReserved, however often each is resent', async () => {
    await assertProperty(
      fc.asyncProperty(
        fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 4 }), lostReplies: fc.integer({ min: 0, max: 2 }), restart: fc.boolean() }), {
          minLength: 1,
          maxLength: 5,
        }),
        async (commands) => {
          const order = anOrder();
          const sku = await world.addStock(8);
          let consumer = world.consumer();
          let held = 0;
          for (const { quantity, lostReplies, restart } of commands) {
            if (restart) consumer = world.consumer();
            const replies = await world.send(consumer, reserveStock(order, sku, quantity), { lostReplies });
            if (replies.at(-1)!.type === 'StockReserved') held += quantity;
          }
          const reserved = (await world.reservationsFor(order)).reduce((sum, units) => sum + units, 0);
          expect(reserved, `units held for ${JSON.stringify(commands)}`).toBe(held);
          expect(await world.available(sku)).toBe(8 - held);
        },
      ),
      { numRuns: 8 },
    );
  });
});
