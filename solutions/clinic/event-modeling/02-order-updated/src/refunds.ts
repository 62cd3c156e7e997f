import type { OrderEvent } from './order-events.ts';

export interface Refund {
  orderId: string;
  amountCents: number;
}

export interface Refunds {
  handle(event: OrderEvent): void;
  /** Every refund issued, in order: each one is money sent to a customer. */
  issued(): Refund[];
}

/** The refunds service: OrderCancelled, and nothing else, sends an order's money back. */
export function createRefunds(): Refunds {
  const amounts = new Map<string, number>();
  const issued: Refund[] = [];
  return {
    handle(event) {
      if (event.type === 'OrderPlaced') amounts.set(event.orderId, (event.data as { amountCents: number }).amountCents);
      if (event.type === 'OrderCancelled') issued.push({ orderId: event.orderId, amountCents: amounts.get(event.orderId) ?? 0 });
    },
    issued() {
      return [...issued];
    },
  };
}
