import type { OrderEvent } from './order-events.ts';

/** Shipping's view of one order's parcel. */
export interface Parcel {
  address: string;
  state: 'on its way' | 'stopped';
  /** Each re-route is a call to the carrier, and a fee. */
  reroutes: number;
  /** Gift cards printed for the parcel: one when placed with a note, one more per new note. */
  giftCards: number;
}

export interface Shipping {
  handle(event: OrderEvent): void;
  parcel(orderId: string): Parcel | undefined;
}

/** The shipping service: it sends each parcel on its way and follows what happens to the order. */
export function createShipping(): Shipping {
  const parcels = new Map<string, Parcel>();
  return {
    handle(event) {
      const data = event.data as { shippingAddress: string; giftNote: string; status: string };
      if (event.type === 'OrderPlaced') {
        parcels.set(event.orderId, { address: data.shippingAddress, state: 'on its way', reroutes: 0, giftCards: data.giftNote ? 1 : 0 });
        return;
      }
      const parcel = parcels.get(event.orderId);
      if (event.type !== 'OrderUpdated' || !parcel) return;
      // The order's status says what to do: a cancelled order's parcel stops, any other is
      // sent to the address the order has now.
      if (data.status === 'cancelled') {
        parcel.state = 'stopped';
        parcel.address = data.shippingAddress;
      } else {
        parcel.address = data.shippingAddress;
        parcel.reroutes += 1;
      }
    },
    parcel(orderId) {
      const parcel = parcels.get(orderId);
      return parcel && { ...parcel };
    },
  };
}
