import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { createInvoicing } from '../../src/invoicing.ts';
import type { Invoicing, OrdersApi, OrdersService } from '../../src/orders-api.ts';
import { createOrdersService } from '../../src/orders-service.ts';

const topic = 'orders';

/** One record on the orders topic, parsed. */
export interface TopicEvent {
  type: string;
  data: Record<string, unknown>;
  /** The record's value as it was published, for scans. */
  raw: string;
}

/**
 * The orders service, its `orders` topic (the course's in-memory stand-in for the broker,
 * which keeps every record in order) and invoicing, which reads the topic. Delivery is in
 * the test's hands, so "invoicing reads the event later" is an exact step, and the network
 * between invoicing and the orders API can be cut.
 */
export interface OrdersWorld {
  orders: OrdersService;
  invoicing: Invoicing;
  clock: VirtualClock;
  /** Cuts the network to the orders API (every call fails, as when it is down) or restores it. */
  ordersApiDown(down: boolean): void;
  /** How many calls invoicing made to the orders API, answered or not. */
  apiCalls(): number;
  /**
   * Delivers the next record invoicing has not handled. False when there is none, or when
   * invoicing threw: the record stays undelivered, as a broker would redeliver it, and the
   * failure is added to `failures`.
   */
  deliverNext(): Promise<boolean>;
  /** Delivers every record invoicing has not handled, in topic order, up to the first it fails on. */
  deliverAll(): Promise<void>;
  /** Every time invoicing threw on a record, in words: "invoicing could not handle ...". */
  failures: string[];
  /** Every record on the topic so far. */
  events(): TopicEvent[];
}

export function ordersWorld(): OrdersWorld {
  const clock = new VirtualClock();
  const broker = new RecordingPublisher();
  const orders = createOrdersService({ publisher: broker, topic, clock });
  let down = false;
  let calls = 0;
  // The orders API as invoicing reaches it: across a network that the test can cut.
  const network = async <T>(call: () => Promise<T>): Promise<T> => {
    calls++;
    if (down) throw new Error('the orders API is unreachable (a staged outage)');
    return call();
  };
  const ordersApi: OrdersApi = {
    getOrder: (orderId) => network(() => orders.api.getOrder(orderId)),
    getLine: (orderId, lineId) => network(() => orders.api.getLine(orderId, lineId)),
  };
  const invoicing = createInvoicing({ ordersApi });
  const events = () =>
    broker.messages
      .filter((message) => message.topic === topic)
      .map((message) => {
        const { type, data } = JSON.parse(message.value) as { type: string; data: Record<string, unknown> };
        return { type, data, raw: message.value };
      });
  let delivered = 0;
  const failures: string[] = [];

  async function deliverNext() {
    const event = events()[delivered];
    if (!event) return false;
    try {
      await invoicing.handle(JSON.parse(event.raw) as { type: string; data: Record<string, unknown> });
    } catch (error) {
      // A real consumer would not commit the offset, and the broker would redeliver: the
      // record stays undelivered, and the test learns which event invoicing could not handle.
      failures.push(`invoicing could not handle ${event.type} of order ${String(event.data.orderId)}: ${(error as Error).message}`);
      return false;
    }
    delivered++;
    return true;
  }

  return {
    orders,
    invoicing,
    clock,
    ordersApiDown(value) {
      down = value;
    },
    apiCalls: () => calls,
    deliverNext,
    async deliverAll() {
      while (await deliverNext());
    },
    events,
    failures,
  };
}
