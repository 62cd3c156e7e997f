/**
 * The order events this lab's projection reads. Given: read it, don't change it.
 * Each event carries what the read model needs, so the projection never looks anything up.
 */
export type OrderEvent =
  | { type: 'OrderPlaced'; data: { orderId: string; customerId: string; totalCents: number } }
  | { type: 'OrderShipped'; data: { orderId: string; customerId: string } }
  | { type: 'OrderCancelled'; data: { orderId: string; customerId: string; totalCents: number } };

/** An event as the log hands it out: with its position, which only grows. */
export type LoggedEvent = OrderEvent & {
  /** The event's place in the whole log: later events have larger positions (with gaps). */
  position: number;
};
