/** An order as checkout holds it when it is placed, now with the delivery the customer chose. */
export interface PlacedOrder {
  orderId: string;
  customerId: string;
  /** At least one line, in the order the customer arranged them. */
  lines: OrderLine[];
  /** ISO 4217 code; every amount is in this currency's minor unit. */
  currency: string;
  /** New since v2: how the order reaches the customer, and by when checkout promised it. */
  delivery: Delivery;
  placedAt: Date;
}

export interface OrderLine {
  sku: string;
  quantity: number;
  /** Price of one unit in the currency's minor unit. */
  unitPriceCents: number;
}

export type DeliveryMethod = 'standard' | 'express' | 'pickup';

export interface Delivery {
  method: DeliveryMethod;
  /** The last day checkout promised; only its UTC calendar date counts. */
  promisedBy: Date;
}
