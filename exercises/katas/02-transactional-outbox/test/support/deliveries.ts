import type { Delivery } from '../../src/delivery.ts';
import { type OrderEvent, orderCancelled, orderPlaced } from '../../src/events.ts';

/**
 * One partition as a consumer group sees it, for example tests: each delivery's
 * commitOffset() moves the group's committed offset, so a test can ask what the group
 * would be handed again after a failure.
 */
export class OnePartition {
  committed = 0;
  private nextOffset = 0;

  /** The event as the broker hands it over, at the next offset of the partition. */
  deliver(event: OrderEvent): Delivery {
    const offset = this.nextOffset++;
    return {
      topic: 'orders',
      partition: 0,
      offset: String(offset),
      key: event.data.orderId,
      value: JSON.stringify(event),
      headers: { 'event-id': event.id, 'event-type': event.type },
      commitOffset: async () => {
        this.committed = Math.max(this.committed, offset + 1);
      },
    };
  }

  /** Whether the group would hand this delivery over again after a restart. */
  wouldRedeliver(delivery: Delivery): boolean {
    return Number(delivery.offset) >= this.committed;
  }
}

const cause = { commandId: 'command-1', correlationId: 'flow-1' };

/** An OrderPlaced event for a small order, with a fresh id. */
export function aPlacedEvent(orderId: string): OrderEvent {
  return orderPlaced({ orderId, customerId: 'customer-a', currency: 'EUR', lines: [{ sku: 'SKU-A', quantity: 1, unitPriceCents: 100 }] }, cause, new Date(0));
}

/** An OrderCancelled event with a fresh id. */
export function aCancelledEvent(orderId: string): OrderEvent {
  return orderCancelled(orderId, 'changed mind', cause, new Date(0));
}
