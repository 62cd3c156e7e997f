import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameFindings } from '#graders/testkit/events/event-names.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { anOrder, ordersTopic, type OrdersTopic, recordsAbout, type TopicRecord } from './support/orders-topic.ts';

// One topic for the file (three partitions); every test works on orders of its own.
let world: OrdersTopic;
beforeAll(async () => {
  world = await ordersTopic('em-orders-topic');
});
afterAll(() => world?.[Symbol.asyncDispose]());

const describeRecords = (records: TopicRecord[]) => records.map((r) => `${r.type} (partition ${r.partition}, offset ${r.offset})`).join(', ');

describe('what the orders topic carries', () => {
  it('holds one record per change to an order, and none for a lookup', async () => {
    const order = anOrder();
    await world.service.create(order);
    await world.service.lookup(order.orderId);
    await world.service.updateShippingAddress(order.orderId, '7 Oak Ave, Shelbyville');
    await world.service.lookup(order.orderId);
    await world.service.remove(order.orderId);
    await world.service.lookup(order.orderId);
    const records = recordsAbout(await world.records(), order.orderId);
    expect(records.length, `created, corrected, removed and looked up three times, the topic holds: ${describeRecords(records)}`).toBe(3);
  });

  it('names every record a fact: PascalCase, past tense, and specific', async () => {
    const order = anOrder();
    await world.service.create(order);
    await world.service.updateShippingAddress(order.orderId, '7 Oak Ave, Shelbyville');
    await world.service.remove(order.orderId);
    const records = recordsAbout(await world.records(), order.orderId);
    expect(records.length).toBeGreaterThan(0);
    expect(records.flatMap((record) => nameFindings(record.type)).map((f) => `${f.problem}: ${f.fix}`)).toEqual([]);
  });

  it('answers a lookup with the order as it stands, and with nothing once it is removed', async () => {
    const order = anOrder();
    await world.service.create(order);
    await world.service.updateShippingAddress(order.orderId, '9 Pine Ln, Capital City');
    expect(await world.service.lookup(order.orderId)).toEqual({ ...order, shippingAddress: '9 Pine Ln, Capital City' });
    await world.service.remove(order.orderId);
    expect(await world.service.lookup(order.orderId)).toBeUndefined();
  });
});

/** Partitions each order's records are in, and the addresses they carry in offset order. */
function layout(records: TopicRecord[], orderId: string) {
  const about = recordsAbout(records, orderId);
  return {
    partitions: [...new Set(about.map((r) => r.partition))],
    addresses: about.flatMap((r) => (typeof r.data.shippingAddress === 'string' ? [r.data.shippingAddress] : [])),
    told: describeRecords(about),
  };
}

describe('per-order order on a partitioned topic', () => {
  it('keeps each order\'s facts in one partition, in the order they happened', async () => {
    const orders = Array.from({ length: 6 }, anOrder);
    for (const order of orders) {
      await world.service.create(order);
      await world.service.updateShippingAddress(order.orderId, `1 First St (${order.orderId.slice(0, 4)})`);
      await world.service.updateShippingAddress(order.orderId, `2 Second St (${order.orderId.slice(0, 4)})`);
      await world.service.remove(order.orderId);
    }
    const records = await world.records();
    for (const order of orders) {
      const { partitions, addresses, told } = layout(records, order.orderId);
      expect(partitions, `order ${order.orderId} is spread over partitions: ${told}`).toHaveLength(1);
      expect(addresses, `order ${order.orderId}: ${told}`).toEqual([order.shippingAddress, `1 First St (${order.orderId.slice(0, 4)})`, `2 Second St (${order.orderId.slice(0, 4)})`]);
    }
  });

  it('keeps every order\'s facts together and in order, whatever the interleaving', async () => {
    const step = fc.record({ order: fc.nat(3), action: fc.constantFrom('correct' as const, 'correct' as const, 'look up' as const, 'remove' as const) });
    let streets = 0;
    await assertProperty(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const orders = Array.from({ length: 4 }, anOrder);
        const addresses = new Map(orders.map((order) => [order.orderId, [order.shippingAddress]]));
        const removed = new Set<string>();
        const story: string[] = [];
        for (const order of orders) await world.service.create(order);
        for (const { order: index, action } of steps) {
          const order = orders[index]!;
          if (removed.has(order.orderId)) continue;
          story.push(`${action} order ${index}`);
          if (action === 'correct') {
            const address = `${++streets} Interleaved Rd`;
            await world.service.updateShippingAddress(order.orderId, address);
            addresses.get(order.orderId)!.push(address);
          } else if (action === 'look up') {
            await world.service.lookup(order.orderId);
          } else {
            await world.service.remove(order.orderId);
            removed.add(order.orderId);
          }
        }
        const records = await world.records();
        for (const [index, order] of orders.entries()) {
          const seen = layout(records, order.orderId);
          const context = `four orders created, then ${story.join(', ')}; order ${index}: ${seen.told}`;
          expect(seen.partitions, context).toHaveLength(1);
          expect(seen.addresses, context).toEqual(addresses.get(order.orderId));
          expect(recordsAbout(records, order.orderId), context).toHaveLength(addresses.get(order.orderId)!.length + (removed.has(order.orderId) ? 1 : 0));
        }
      }),
      { numRuns: 8 },
    );
  });
});
