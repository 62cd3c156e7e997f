import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import type { OrderEvent } from '../../src/order-event.ts';
import { createOrderPublisher, type OrderPublisher } from '../../src/order-publisher.ts';

/**
 * The checkout publisher on an in-memory stand-in for the broker, for tests that deliver the
 * events themselves (again, late, in the order a redelivery brings them).
 */
export function recordedOrders(): { publisher: OrderPublisher; events(): OrderEvent[] } {
  const broker = new RecordingPublisher();
  const publisher = createOrderPublisher({ producer: broker, topic: 'orders', clock: new VirtualClock() });
  return { publisher, events: () => broker.messages.map((message) => JSON.parse(message.value) as OrderEvent) };
}
