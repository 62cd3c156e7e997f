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

/**
 * The shipping service acts on the facts it cares about: a new address re-routes a parcel on
 * its way, a new note prints a card for it, a cancellation stops it and says where the parcel
 * is to come back from. A stopped parcel keeps its latest address but is never re-routed.
 */
export function createShipping(): Shipping {
  const parcels = new Map<string, Parcel>();
  return {
    handle(event) {
      if (event.type === 'OrderPlaced') {
        const data = event.data as { shippingAddress: string; giftNote: string };
        parcels.set(event.orderId, { address: data.shippingAddress, state: 'on its way', reroutes: 0, giftCards: data.giftNote ? 1 : 0 });
        return;
      }
      const parcel = parcels.get(event.orderId);
      if (!parcel) return;
      const moving = parcel.state === 'on its way';
      switch (event.type) {
        case 'OrderCancelled':
          parcel.state = 'stopped';
          parcel.address = (event.data as { shippingAddress: string }).shippingAddress;
          break;
        case 'OrderShippingAddressAmended':
          parcel.address = (event.data as { shippingAddress: string }).shippingAddress;
          if (moving) parcel.reroutes += 1;
          break;
        case 'OrderGiftNoteRewritten':
          if (moving && (event.data as { giftNote: string }).giftNote !== '') parcel.giftCards += 1;
          break;
      }
    },
    parcel(orderId) {
      const parcel = parcels.get(orderId);
      return parcel && { ...parcel };
    },
  };
}
