import type { Publisher } from '#graders/testkit/contracts/publisher.ts';
import type { Clock } from '#graders/testkit/contracts/clock.ts';

/** One line of an order: what was bought, how many, and the price it was sold at. */
export interface OrderLine {
  lineId: string;
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

/** An order as the orders service keeps it. The email is for receipts only. */
export interface Order {
  orderId: string;
  customerId: string;
  customerEmail: string;
  lines: OrderLine[];
}

/** The orders service's query API, which other services call over the network. */
export interface OrdersApi {
  getOrder(orderId: string): Promise<Order | undefined>;
  getLine(orderId: string, lineId: string): Promise<OrderLine | undefined>;
}

/** What the orders service is given. */
export interface OrdersServiceDeps {
  publisher: Publisher;
  topic: string;
  clock: Clock;
}

/** The orders service as the shop and the tests call it; keep this shape. */
export interface OrdersService {
  /** Records a new order and publishes OrderPlaced. */
  placeOrder(order: Order): Promise<void>;
  /** Adds a line to an order (a gift wrap, an extra item) and publishes OrderLineAdded. */
  addLine(orderId: string, line: OrderLine): Promise<void>;
  /** The query API other services may call. */
  api: OrdersApi;
}

/** What invoicing is given: the orders service's query API, reached over the network. */
export interface InvoicingDeps {
  ordersApi: OrdersApi;
}

/** An invoice: every line billed, once, at the price it was sold at. */
export interface Invoice {
  orderId: string;
  customerId: string;
  lines: OrderLine[];
  totalCents: number;
}

/** The invoicing consumer as the tests drive it; keep this shape. */
export interface Invoicing {
  /** Handles one event from the orders topic; throws when it cannot (the broker redelivers it). */
  handle(event: { type: string; data: Record<string, unknown> }): Promise<void>;
  /** The invoice for an order so far, or undefined when there is none. */
  invoice(orderId: string): Invoice | undefined;
}
