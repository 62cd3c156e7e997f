import type { OrderEvent } from './order-event.ts';

/** The revenue report, as finance reads it. */
export interface RevenueView {
  /** How many orders were placed. */
  orders: number;
  /** The sum of every order's total. */
  revenueCents: number;
  /** One order's total, or undefined for an order the report has not seen. */
  totalOf(orderId: string): number | undefined;
}

/** Folds the orders topic into the revenue report; keep this shape. */
export interface RevenueProjection {
  /** One event, as delivered: at least once, so possibly again, even long after. */
  apply(event: OrderEvent): void;
  view(): RevenueView;
}

/**
 * The revenue report. The topic delivers at least once, so the report remembers every event
 * id it has applied and skips one it has seen: an event is applied once.
 */
export function createRevenueProjection(): RevenueProjection {
  const applied = new Set<string>();
  const totals = new Map<string, number>();
  let revenueCents = 0;
  return {
    apply(event) {
      if (applied.has(event.id)) return;
      applied.add(event.id);
      if (event.type === 'OrderPlaced') {
        const { orderId, totalCents } = event.data as { orderId: string; totalCents: number };
        totals.set(orderId, totalCents);
        revenueCents += totalCents;
      }
    },
    view() {
      const snapshot = new Map(totals);
      return { orders: snapshot.size, revenueCents, totalOf: (orderId) => snapshot.get(orderId) };
    },
  };
}
