import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliverySchedules } from './delivery-schedule.ts';
import { InMemoryBus } from './in-memory-bus.ts';
import type { BusMessage } from './message-bus.ts';

type Data = { n: number };
const event = (key: string, n: number, type = 'Happened'): BusMessage<Data> => ({ id: `${key}-${n}`, type, key, data: { n } });

describe('InMemoryBus', () => {
  it('delivers every event to every subscriber of its type, once, on a calm run', async () => {
    const bus = new InMemoryBus<Data>();
    const seen: string[] = [];
    await bus.subscribe('a', ['Happened'], (m) => void seen.push(`a:${m.id}`));
    await bus.subscribe('b', ['Happened', 'Other'], (m) => void seen.push(`b:${m.id}`));
    await bus.publish(event('k1', 1));
    await bus.publish(event('k1', 2, 'Other'));
    expect(await bus.run()).toBe('quiet');
    expect(seen.toSorted()).toEqual(['a:k1-1', 'b:k1-1', 'b:k1-2']);
  });

  it('keeps each key in order for a subscriber, whatever the schedule, counting duplicates once', async () => {
    await fc.assert(fc.asyncProperty(deliverySchedules({ duplicatePercent: 30 }), async (schedule) => {
      const bus = new InMemoryBus<Data>();
      const firsts = new Map<string, number[]>();
      await bus.subscribe('s', ['Happened'], (m) => {
        const list = firsts.get(m.key) ?? [];
        if (!list.includes(m.data.n)) list.push(m.data.n);
        firsts.set(m.key, list);
      });
      for (const n of [1, 2, 3]) for (const key of ['x', 'y']) await bus.publish(event(key, n));
      await bus.run(schedule);
      expect(firsts.get('x')).toEqual([1, 2, 3]);
      expect(firsts.get('y')).toEqual([1, 2, 3]);
    }));
  });

  it('delivers some events twice and reorders across keys when the schedule says so', async () => {
    const bus = new InMemoryBus<Data>();
    const seen: string[] = [];
    await bus.subscribe('s', ['Happened'], (m) => void seen.push(m.id));
    await bus.publish(event('x', 1));
    await bus.publish(event('y', 1));
    await bus.run([{ pick: 1, delayMs: 0, duplicate: true, lose: false }]);
    expect(seen).toEqual(['y-1', 'x-1', 'y-1']);
  });

  it('never loses an event, but loses the command or reply the schedule picks', async () => {
    const bus = new InMemoryBus<Data>();
    const events: string[] = [];
    const replies: string[] = [];
    await bus.subscribe('s', ['Happened'], (m) => void events.push(m.id));
    await bus.serve(['Do'], (c) => ({ ...c, id: `${c.id}/reply`, type: 'Done' }));
    await bus.onReply((r) => void replies.push(r.id));
    await bus.publish(event('x', 1));
    await bus.send(event('x', 2, 'Do'));
    await bus.send(event('x', 3, 'Do'));
    const lose = { pick: 0, delayMs: 0, duplicate: false, lose: true };
    await bus.run([lose, lose]);
    expect(events).toEqual(['x-1']);
    expect(replies).toEqual(['x-3/reply']);
    expect(bus.timeline.entries.some((e) => e.text === 'command Do (x) lost')).toBe(true);
  });

  it('holds a reply for the service latency and fires due timers before it in virtual time', async () => {
    const bus = new InMemoryBus<Data>();
    const happened: string[] = [];
    await bus.serve(['Do'], (c) => ({ ...c, type: 'Done' }), { replyAfterMs: 500 });
    await bus.onReply(() => void happened.push(`reply@${bus.clock.elapsedMs()}`));
    bus.clock.setTimer(200, () => void happened.push(`timer@${bus.clock.elapsedMs()}`));
    await bus.send(event('x', 1, 'Do'));
    expect(await bus.run()).toBe('quiet');
    expect(happened).toEqual(['timer@200', 'reply@500']);
  });

  it('stops at the horizon when a timer lies beyond it', async () => {
    const bus = new InMemoryBus<Data>();
    bus.clock.setTimer(10_000, () => {});
    expect(await bus.run([], { horizonMs: 1000 })).toBe('horizon');
  });

  it('records who produced and who consumes each event type', async () => {
    const bus = new InMemoryBus<Data>({ outsideProducer: 'orders' });
    await bus.subscribe('stock', ['Placed'], async (m) => bus.publish({ ...m, id: 'r', type: 'Reserved' }));
    await bus.publish(event('o1', 1, 'Placed'));
    await bus.run();
    const flows = bus.flows();
    expect([...flows.get('Placed')!.producers]).toEqual(['orders']);
    expect([...flows.get('Placed')!.consumers]).toEqual(['stock']);
    expect([...flows.get('Reserved')!.producers]).toEqual(['stock']);
  });

  it('delivers a message twice, once more only, when a test stages the redelivery', async () => {
    const bus = new InMemoryBus<Data>();
    const seen: string[] = [];
    await bus.subscribe('a', ['Happened'], (m) => void seen.push(m.id));
    bus.duplicateWhen((m, channel, recipient) => channel === 'event' && recipient === 'a' && m.id === 'k1-1');
    await bus.publish(event('k1', 1));
    await bus.publish(event('k1', 2));
    expect(await bus.run()).toBe('quiet');
    expect(seen).toEqual(['k1-1', 'k1-2', 'k1-1']);
  });
});
