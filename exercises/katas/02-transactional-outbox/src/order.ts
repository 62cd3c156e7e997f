/** An order as checkout receives it from the customer's cart. */
export interface NewOrder {
  orderId: string;
  customerId: string;
  /** ISO 4217 code; every amount is in this currency's minor unit. */
  currency: string;
  lines: OrderLine[];
}

export interface OrderLine {
  sku: string;
  quantity: number;
  /** Price of one unit in the currency's minor unit (cents, yen, fils). */
  unitPriceCents: number;
}

/** The command that asked for the change, as the service received it. */
export interface Cause {
  /** Id of the command (PlaceOrder, CancelOrder) whose handling produced the event. */
  commandId: string;
  /** Id of the whole business flow, carried by every command and event of it. */
  correlationId: string;
}
