/** An order as the checkout service holds it at the moment it is placed. */
export interface PlacedOrder {
  orderId: string;
  customer: Customer;
  /** In the order the customer arranged them; a line set to quantity 0 was removed. */
  lines: OrderLine[];
  /** ISO 4217 code; every amount of the order is in this currency's minor unit. */
  currency: string;
  placedAt: Date;
}

export interface Customer {
  customerId: string;
  fullName: string;
  email: string;
  address: string;
  cardNumber: string;
}

export interface OrderLine {
  sku: string;
  quantity: number;
  /** Price of one unit in the currency's minor unit (cents; yen for JPY; fils for BHD). */
  unitPriceCents: number;
}
