import { describe, expect, it } from 'vitest';
import { aLine, anOrder } from './support/orders.ts';
import { ordersWorld } from './support/world.ts';

describe('the shipped OrderPlaced and invoicing', () => {
  it('invoices an order placed while the orders API is down', async () => {
    const world = ordersWorld();
    const order = anOrder([aLine('MUG-01', 1, 1_250)]);
    await world.orders.placeOrder(order);
    world.ordersApiDown(true);
    await world.deliverAll();
    expect(world.failures).toEqual([]);
    expect(world.invoicing.invoice(order.orderId)?.totalCents).toBe(1_250);
  });
});
