import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrder, ordersTopic, type OrdersTopic, recordsAbout } from './support/orders-topic.ts';

let world: OrdersTopic;
beforeAll(async () => {
  world = await ordersTopic('em-orders-topic-reproduce');
});
afterAll(() => world?.[Symbol.asyncDispose]());

describe('the shipped orders topic', () => {
  it('puts nothing on the topic for a lookup', async () => {
    const order = anOrder();
    await world.service.create(order);
    await world.service.lookup(order.orderId);
    const records = recordsAbout(await world.records(), order.orderId);
    expect(records.map((record) => record.type)).toHaveLength(1);
  });
});
