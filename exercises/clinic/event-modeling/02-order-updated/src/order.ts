/** An order as the order service stores it. */
export interface Order {
  orderId: string;
  status: 'placed' | 'cancelled';
  shippingAddress: string;
  giftNote: string;
  amountCents: number;
}

/**
 * One edit from the order page or the support tool. A field left out is not changed; an
 * edit may change several things at once (a new address and a cancellation, say).
 */
export interface OrderEdit {
  shippingAddress?: string;
  giftNote?: string;
  cancel?: { reason: string };
}

/** The order after an edit. A cancelled order stays cancelled; support may still correct its address, for the returns label. */
export function applyEdit(order: Order, edit: OrderEdit): Order {
  return {
    ...order,
    ...(edit.shippingAddress !== undefined ? { shippingAddress: edit.shippingAddress } : {}),
    ...(edit.giftNote !== undefined ? { giftNote: edit.giftNote } : {}),
    ...(edit.cancel ? { status: 'cancelled' as const } : {}),
  };
}
