import { expect } from 'vitest';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { outboxRowsFor } from './checkout-database.ts';
import { deliveriesById, type TopicMessage } from './topic.ts';

export interface PlacedEvent {
  eventId: string;
  orderId: string;
  /** What the event records, for messages: `OrderPlaced order-3`. */
  label: string;
}

/**
 * What must hold after relays crashed and a fresh relay ran to completion: nothing
 * committed is lost, nothing rolled back escapes, published_at never lies, and duplicates
 * come only from the batch a relay had in flight when it died.
 */
export async function expectOutboxInvariants(
  db: TestDatabase,
  facts: { committed: PlacedEvent[]; rolledBack: PlacedEvent[]; messages: TopicMessage[]; inFlightAtCrash: ReadonlySet<string> },
): Promise<void> {
  const deliveries = deliveriesById(facts.messages);
  for (const event of facts.committed) {
    expect(deliveries.get(event.eventId) ?? 0, `${event.label} was committed but never reached the topic: an event was lost`).toBeGreaterThanOrEqual(1);
  }
  for (const event of facts.rolledBack) {
    expect(deliveries.get(event.eventId) ?? 0, `${event.label} was rolled back but reached the topic anyway`).toBe(0);
  }
  for (const [eventId, count] of deliveries) {
    if (count > 1) {
      expect(
        facts.inFlightAtCrash.has(eventId),
        `${labelOf(facts.committed, eventId)} is on the topic ${count} times but was not in the batch in flight at the crash`,
      ).toBe(true);
    }
  }
  for (const message of facts.messages) {
    const event = facts.committed.find((e) => e.eventId === message.eventId);
    if (event) expect(message.key, `${event.label} must be keyed by its order id`).toBe(event.orderId);
  }
  const rows = await outboxRowsFor(db, facts.committed.map((e) => e.eventId));
  for (const event of facts.committed) {
    const published = (rows.get(event.eventId) ?? []).some((row) => row.publishedAt !== null);
    expect(published, `${event.label} reached the topic but its outbox row has no published_at after the relay finished`).toBe(true);
  }
}

/** published_at is set only on rows whose event the broker has: checked at any moment. */
export async function expectPublishedAtTruthful(db: TestDatabase, events: readonly PlacedEvent[], onTopic: ReadonlyMap<string, number>) {
  const rows = await outboxRowsFor(db, events.map((e) => e.eventId));
  for (const event of events) {
    const marked = (rows.get(event.eventId) ?? []).some((row) => row.publishedAt !== null);
    if (marked) {
      expect(onTopic.get(event.eventId) ?? 0, `${event.label} has published_at set but is not on the topic`).toBeGreaterThanOrEqual(1);
    }
  }
}

function labelOf(events: readonly PlacedEvent[], eventId: string): string {
  return events.find((e) => e.eventId === eventId)?.label ?? `event ${eventId}`;
}
