import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryBus } from '#graders/testkit/bus/in-memory-bus.ts';
import type { BusMessage } from '#graders/testkit/bus/message-bus.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { startNormaliser } from '../src/normaliser.ts';
import { messageTypes, type DeadLetter, type NormalisedEvent, type RawEvent } from '../src/security-event.ts';

/** Publishes the raw events, runs the normaliser to quiet, and returns what came out. */
async function normalise(raws: { id: string; raw: RawEvent }[]) {
  const bus = new InMemoryBus<unknown>();
  const normalised: NormalisedEvent[] = [];
  const deadLetters: DeadLetter[] = [];
  await startNormaliser(bus);
  await bus.subscribe('correlator', [messageTypes.normalised], (m: BusMessage<unknown>) => void normalised.push(m.data as NormalisedEvent));
  await bus.subscribe('triage', [messageTypes.deadLetter], (m: BusMessage<unknown>) => void deadLetters.push(m.data as DeadLetter));
  for (const { id, raw } of raws) await bus.publish({ id, type: messageTypes.raw, key: raw.source, data: raw });
  const end = await bus.run([], { maxDeliveries: 20 * raws.length + 10 });
  return { end, normalised, deadLetters };
}

const json = (fields: object): RawEvent => ({ format: 'json', payload: JSON.stringify(fields), source: 'vpn' });

describe('the normaliser', () => {
  it('maps a JSON event and a key=value event to the common schema, keyed by their ids', async () => {
    const { normalised, deadLetters } = await normalise([
      { id: 'e1', raw: json({ time: '2026-03-01T10:00:00.000Z', user: 'alice', outcome: 'failure' }) },
      { id: 'e2', raw: { format: 'kv', payload: 'time=2026-03-01T10:00:05.000Z user=alice outcome=success', source: 'firewall' } },
    ]);
    expect(deadLetters).toEqual([]);
    expect(normalised).toEqual([
      { eventId: 'e1', source: 'vpn', time: Date.parse('2026-03-01T10:00:00.000Z'), user: 'alice', outcome: 'failure' },
      { eventId: 'e2', source: 'firewall', time: Date.parse('2026-03-01T10:00:05.000Z'), user: 'alice', outcome: 'success' },
    ]);
  });

  it('dead-letters an event whose payload is not JSON, with a reason and the original, and still normalises the next one', async () => {
    const broken: RawEvent = { format: 'json', payload: '{"time": "2026-03-01T10:00:00Z", "user": ', source: 'vpn' };
    const { normalised, deadLetters } = await normalise([
      { id: 'bad', raw: broken },
      { id: 'good', raw: json({ time: '2026-03-01T10:00:00.000Z', user: 'bob', outcome: 'failure' }) },
    ]);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({ eventId: 'bad', original: broken });
    expect(deadLetters[0]!.reason).toMatch(/\S/);
    expect(normalised.map((e) => e.eventId)).toEqual(['good']);
  });

  it('dead-letters an unknown format and an event with no user, instead of dropping them', async () => {
    const { normalised, deadLetters } = await normalise([
      { id: 'xml', raw: { format: 'xml', payload: '<event/>', source: 'legacy' } },
      { id: 'nouser', raw: json({ time: '2026-03-01T10:00:00.000Z', outcome: 'success' }) },
    ]);
    expect(normalised).toEqual([]);
    expect(deadLetters.map((d) => d.eventId).sort()).toEqual(['nouser', 'xml']);
  });

  it('loses no event: each raw event comes out exactly once, normalised or dead-lettered', async () => {
    const good = fc.record({ user: fc.constantFrom('alice', 'bob', 'carol'), outcome: fc.constantFrom('success', 'failure'), seconds: fc.integer({ min: 0, max: 3_600 }), kv: fc.boolean() }).map(({ user, outcome, seconds, kv }): RawEvent => {
      const time = new Date(Date.UTC(2026, 2, 1) + seconds * 1_000).toISOString();
      return kv ? { format: 'kv', payload: `time=${time} user=${user} outcome=${outcome}`, source: 'fw' } : json({ time, user, outcome });
    });
    const bad = fc.oneof(
      fc.string().map((payload): RawEvent => ({ format: 'json', payload: `{${payload}`, source: 'app' })),
      fc.constantFrom<RawEvent>({ format: 'cef', payload: 'CEF:0|x', source: 'ids' }, json({ user: 'alice', outcome: 'failure' }), json({ time: 'yesterday', user: 'a', outcome: 'success' }), { format: 'kv', payload: 'user=alice outcome=maybe time=2026-03-01T00:00:00Z', source: 'fw' }),
    );
    await assertProperty(
      fc.asyncProperty(fc.array(fc.oneof(good, bad), { minLength: 1, maxLength: 30 }), async (raws) => {
        const ids = raws.map((_, i) => `r${i}`);
        const { end, normalised, deadLetters } = await normalise(raws.map((raw, i) => ({ id: ids[i]!, raw })));
        expect(end).toBe('quiet');
        expect([...normalised.map((e) => e.eventId), ...deadLetters.map((d) => d.eventId)].sort()).toEqual([...ids].sort());
      }),
      { numRuns: 60 },
    );
  });
});
