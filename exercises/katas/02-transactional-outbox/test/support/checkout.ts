import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { cancelOrder, placeOrder } from '../../src/place-order.ts';
import type { PlacedEvent } from './outbox-invariants.ts';
import { aCause, anOrder } from './orders.ts';

/** Places `count` orders through the learner's placeOrder, and returns their events. */
export async function placeOrders(db: TestDatabase, count: number, clock = new VirtualClock()): Promise<PlacedEvent[]> {
  const events: PlacedEvent[] = [];
  for (let i = 0; i < count; i++) {
    const order = anOrder();
    const { eventId } = await placeOrder({ pool: db.pool, clock, publisher: new RecordingPublisher() }, order, aCause());
    events.push({ eventId, orderId: order.orderId, label: `OrderPlaced ${order.orderId}` });
  }
  return events;
}

/** Cancels an order through the learner's cancelOrder. */
export async function cancel(db: TestDatabase, orderId: string, clock = new VirtualClock()): Promise<PlacedEvent> {
  const { eventId } = await cancelOrder({ pool: db.pool, clock, publisher: new RecordingPublisher() }, orderId, 'changed mind', aCause());
  return { eventId, orderId, label: `OrderCancelled ${orderId}` };
}
