/**
 * Where each field of an order lives in the orders table. The data access code reads the
 * column names from here, so a migration that renames a column changes this map and the
 * table together, in one deploy.
 */
export interface OrderColumns {
  orderId: string;
  customerId: string;
  status: string;
  shippingAddress: string;
  cancelReason: string;
  lastSeenAt: string;
}

/** The columns as src/orders-schema.sql creates them. */
export const defaultOrderColumns: OrderColumns = {
  orderId: 'order_id',
  customerId: 'customer_id',
  status: 'status',
  shippingAddress: 'ship_addr',
  cancelReason: 'cancel_reason',
  lastSeenAt: 'last_seen_at',
};
