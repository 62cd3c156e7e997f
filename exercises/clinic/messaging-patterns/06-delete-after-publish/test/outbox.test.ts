import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { outboxRetentionMs } from '../src/outbox-retention.ts';
import { days, hours, outboxWorld, type OutboxWorld } from './support/outbox.ts';

let world: OutboxWorld;
beforeAll(async () => {
  world = await outboxWorld('clinic_delete_after_publish');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('checkout\'s outbox', () => {
  it('publishes each event once, however many relay passes run', async () => {
    const event = await world.writeEvent();
    await world.relayPass();
    await world.relayPass();
    await world.relayPass();
    expect(world.timesOnTopic(event), 'copies on the topic after three relay passes').toBe(1);
  });

  it('keeps a published event in the outbox, with when it was published', async () => {
    const event = await world.writeEvent();
    await world.drain();
    const record = await world.outboxRecord(event);
    expect(record, 'the outbox row of an event the relay has published').toBeDefined();
    expect(record!.publishedAt, 'when the event was published').toEqual(world.clock.now());
  });

  it('publishes an event again after the relay dies between publishing it and recording it', async () => {
    const event = await world.writeEvent();
    expect(await world.relayPass({ diesAt: 'after-publish' })).toBe('died');
    await world.drain();
    expect(world.timesOnTopic(event), 'copies on the topic after the relay restarted').toBe(2);
  });

  it('publishes each event once when two relays run at the same moment, and keeps its record', async () => {
    const first = await world.writeEvent();
    const second = await world.writeEvent();
    await world.twoRelaysAtOnce();
    expect(world.timesOnTopic(first), 'copies of the first event after two relays ran at once').toBe(1);
    expect(world.timesOnTopic(second), 'copies of the second event after two relays ran at once').toBe(1);
    expect((await world.outboxRecord(first))?.publishedAt, 'the record of the first event').toBeInstanceOf(Date);
    expect((await world.outboxRecord(second))?.publishedAt, 'the record of the second event').toBeInstanceOf(Date);
  });

  it('keeps a published event through housekeeping until the retention period has passed', async () => {
    const event = await world.writeEvent();
    await world.drain();
    await world.passTime(outboxRetentionMs - days(1));
    expect(await world.outboxRecord(event), `the record ${(outboxRetentionMs - days(1)) / days(1)} days after publishing`).toBeDefined();
  });

  it('removes a published event once the retention period has passed', async () => {
    const event = await world.writeEvent();
    await world.drain();
    await world.passTime(outboxRetentionMs + hours(1));
    expect(await world.outboxRecord(event)).toBeUndefined();
  });

  it('never prunes an event still waiting to be published, however old it is', async () => {
    const event = await world.writeEvent();
    world.brokerDown(true);
    expect(await world.relayPass(), 'a relay pass while the broker is down').toBe('failed');
    await world.passTime(outboxRetentionMs + days(5));
    world.brokerDown(false);
    await world.drain();
    expect(world.timesOnTopic(event), 'copies on the topic once the broker came back').toBe(1);
  });

  it('publishes every event and keeps each one for the retention period under any schedule of passes, crashes, outages and time', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('write' as const) }),
      fc.record({ kind: fc.constant('relay' as const), dies: fc.boolean() }),
      fc.record({ kind: fc.constant('race' as const) }),
      fc.record({ kind: fc.constant('broker' as const), down: fc.boolean() }),
      fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 20 }) }),
    );
    await assertProperty(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const events: { id: string; writtenAt: number }[] = [];
        const write = async () => events.push({ id: await world.writeEvent(), writtenAt: world.clock.now().getTime() });
        await write();
        for (const s of steps) {
          if (s.kind === 'write') await write();
          else if (s.kind === 'relay') await world.relayPass(s.dies ? { diesAt: 'after-publish' } : {});
          else if (s.kind === 'race') await world.twoRelaysAtOnce();
          else if (s.kind === 'broker') world.brokerDown(s.down);
          else await world.passTime(days(s.days));
        }
        world.brokerDown(false);
        await world.drain();
        for (const { id, writtenAt } of events) {
          expect(world.timesOnTopic(id), `event ${id} on the topic after ${JSON.stringify(steps)}`).toBeGreaterThanOrEqual(1);
          // Published no earlier than it was written, so an event written within the retention
          // period was published within it, and its record must still be there.
          if (world.clock.now().getTime() - writtenAt < outboxRetentionMs) {
            expect(await world.outboxRecord(id), `the record of ${id} after ${JSON.stringify(steps)}`).toBeDefined();
          }
        }
      }),
      { numRuns: 8 },
    );
  });
});
