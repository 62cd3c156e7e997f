/** What the checkout service sends when an order needs stock held for it. */
export interface ReserveStock {
  /** The command's own id: the checkout service sends it again, unchanged, when it resends. */
  commandId: string;
  type: 'ReserveStock';
  orderId: string;
  sku: string;
  /** Whole units, above zero. */
  quantity: number;
}

/** The stock service's answer to one ReserveStock. */
export type StockReply =
  | { type: 'StockReserved'; commandId: string; orderId: string; reservationId: string }
  | { type: 'OutOfStock'; commandId: string; orderId: string; available: number };
