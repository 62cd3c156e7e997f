import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';

/**
 * Change capture: every row the service writes is published as it now stands, so consumers
 * see everything the service knows, the moment it knows it, and nobody has to design events.
 */
export function rowChangedEvent(operation: 'INSERT' | 'UPDATE', row: Record<string, unknown>, occurredAt: Date, orderId: string): EventEnvelope {
  return envelope(operation === 'INSERT' ? 'OrderRowInserted' : 'OrderRowUpdated', orderId, { table: 'orders', operation, row }, occurredAt);
}

/** The course envelope around a payload. */
export function envelope(type: string, orderId: string, data: Record<string, unknown>, occurredAt: Date): EventEnvelope {
  return { id: randomUUID(), type, version: 1, source: 'orders', occurredAt: occurredAt.toISOString(), correlationId: orderId, causationId: orderId, data };
}
