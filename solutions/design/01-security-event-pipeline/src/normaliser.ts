import type { EventBus } from '#graders/testkit/bus/message-bus.ts';
import { messageTypes, type DeadLetter, type NormalisedEvent, type RawEvent } from './security-event.ts';

/** The fields a raw event must yield; anything else is a reason to dead-letter it. */
export function parseRaw(raw: RawEvent): Pick<NormalisedEvent, 'time' | 'user' | 'outcome'> {
  let fields: Record<string, unknown>;
  if (raw.format === 'json') {
    try {
      fields = JSON.parse(raw.payload) as Record<string, unknown>;
    } catch {
      throw new Error('payload is not JSON');
    }
    if (fields === null || typeof fields !== 'object') throw new Error('payload is not a JSON object');
  } else if (raw.format === 'kv') {
    fields = Object.fromEntries(raw.payload.split(/\s+/).filter(Boolean).map((pair) => pair.split('=', 2) as [string, string]));
  } else {
    throw new Error(`unknown format "${raw.format}"`);
  }
  const time = typeof fields.time === 'string' ? Date.parse(fields.time) : NaN;
  if (!Number.isFinite(time)) throw new Error('time is missing or not an ISO date');
  if (typeof fields.user !== 'string' || fields.user === '') throw new Error('user is missing');
  if (fields.outcome !== 'success' && fields.outcome !== 'failure') throw new Error('outcome is neither success nor failure');
  return { time, user: fields.user, outcome: fields.outcome };
}

/**
 * Normalises every raw event: the normalised event goes on, keyed by user (the correlation
 * rule's key); an event that fails goes to the dead-letter destination with its reason and
 * original. Nothing is dropped: the message counts as handled only once one of the two is out.
 */
export async function startNormaliser(bus: EventBus<unknown>): Promise<void> {
  await bus.subscribe('normaliser', [messageTypes.raw], async (message) => {
    const raw = message.data as RawEvent;
    let fields: ReturnType<typeof parseRaw>;
    try {
      fields = parseRaw(raw);
    } catch (error) {
      const letter: DeadLetter = { eventId: message.id, reason: (error as Error).message, original: raw };
      await bus.publish({ id: `${message.id}/dead-letter`, type: messageTypes.deadLetter, key: message.key, causationId: message.id, data: letter });
      return;
    }
    const event: NormalisedEvent = { eventId: message.id, source: raw.source, ...fields };
    await bus.publish({ id: `${message.id}/normalised`, type: messageTypes.normalised, key: event.user, causationId: message.id, data: event });
  });
}
