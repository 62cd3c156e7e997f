import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { serviceNames } from '../src/order-placed.ts';
import { deployment, type Deployment } from './support/deployment.ts';

// One topic and one deployment name per test: a group that one test leaves behind never
// hands its committed positions to the next.
let shop: Deployment | undefined;
afterAll(async () => {
  await shop?.[Symbol.asyncDispose]();
});

async function fresh(label: string): Promise<Deployment> {
  await shop?.[Symbol.asyncDispose]();
  shop = await deployment(label);
  return shop;
}

const once = (ids: string[]) => ids.map(() => 1);

describe('OrderPlaced readers', () => {
  it('every service handles every event once, with three instances of each sharing the work', async () => {
    const shop = await fresh('broadcast-three-each');
    await shop.start(3);
    await shop.ready();
    const ids = await shop.publish(9);
    await shop.settle();
    for (const service of serviceNames) {
      expect(shop.timesHandled(service, ids), `how often ${service} handled each of the 9 orders`).toEqual(once(ids));
    }
    // Competing consumers inside a service: the three stock instances share the orders out.
    const stockInstances = new Set(shop.deliveries.filter((d) => d.service === 'stock').map((d) => d.instance));
    expect(stockInstances.size, 'stock instances that took a share of the orders').toBe(3);
  });

  it('continues where it left off when every instance restarts', async () => {
    const shop = await fresh('broadcast-restart');
    await shop.start(1);
    await shop.ready();
    const before = await shop.publish(3);
    await shop.settle();
    await shop.stopAll();
    const during = await shop.publish(3);
    await shop.start(1);
    await shop.ready();
    const after = await shop.publish(3);
    await shop.settle();
    const all = [...before, ...during, ...after];
    for (const service of serviceNames) {
      expect(shop.timesHandled(service, all), `how often ${service} handled each order across the restart`).toEqual(once(all));
    }
  });

  it('handles orders placed before the services first started', async () => {
    const shop = await fresh('broadcast-first-start');
    const early = await shop.publish(3);
    await shop.start(1);
    await shop.ready();
    const later = await shop.publish(3);
    await shop.settle();
    const all = [...early, ...later];
    for (const service of serviceNames) {
      expect(shop.timesHandled(service, all), `how often ${service} handled each order`).toEqual(once(all));
    }
  });

  it('every service handles every event once, however many instances each runs', async () => {
    const instances = fc.integer({ min: 1, max: 3 });
    await assertProperty(
      fc.asyncProperty(fc.record({ stock: instances, email: instances, analytics: instances }), fc.integer({ min: 1, max: 6 }), async (perService, orders) => {
        const shop = await fresh('broadcast-generated');
        await shop.start(perService);
        await shop.ready();
        const ids = await shop.publish(orders);
        await shop.settle();
        for (const service of serviceNames) {
          expect(shop.timesHandled(service, ids), `how often ${service} (${perService[service]} instances) handled each order`).toEqual(once(ids));
        }
      }),
      { numRuns: 3 },
    );
  });
});
