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

/** The refunds service: a cancelled order's money goes back to the customer. */
export function createRefunds(): Refunds {
  const issued: Refund[] = [];
  return {
    handle(event) {
      const data = event.data as { status: string; amountCents: number };
      if (event.type === 'OrderUpdated' && data.status === 'cancelled') {
        issued.push({ orderId: event.orderId, amountCents: data.amountCents });
      }
    },
    issued() {
      return [...issued];
    },
  };
}
