import { randomUUID } from 'node:crypto';

/**
 * Everything about orders travels on the one `orders` topic, told apart by `type`:
 * `order.create`, `order.update` and `order.delete` for changes, `order.lookup` and
 * `order.lookup.result` for reads. One topic per entity keeps the platform simple.
 */
export type OrderMessageType = 'order.create' | 'order.update' | 'order.delete' | 'order.lookup' | 'order.lookup.result';

export interface OrderMessage {
  id: string;
  type: OrderMessageType;
  source: 'orders';
  occurredAt: string;
  data: Record<string, unknown>;
}

export function orderMessage(type: OrderMessageType, data: Record<string, unknown>, occurredAt: Date): OrderMessage {
  return { id: randomUUID(), type, source: 'orders', occurredAt: occurredAt.toISOString(), data };
}
