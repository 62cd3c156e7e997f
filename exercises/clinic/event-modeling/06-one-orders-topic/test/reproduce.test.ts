import { afterAll, beforeAll, describe, it } from 'vitest';
import { ordersTopic, type OrdersTopic } from './support/orders-topic.ts';

// Your reproduction: the smallest test that fails on the code as shipped and passes once it
// is repaired. ./support/orders-topic.ts gives you the orders service on a three-partition
// topic on the course's broker, every record on it with its partition and offset
// (world.records()), new orders (anOrder) and the records about one order (recordsAbout).
let world: OrdersTopic;
beforeAll(async () => {
  world = await ordersTopic('em-orders-topic-reproduce');
});
afterAll(() => world?.[Symbol.asyncDispose]());

describe('the shipped orders topic', () => {
  it.todo('TODO: reproduce what shipping found on the topic: lookups among the facts, and an order removed before it was created');
});
