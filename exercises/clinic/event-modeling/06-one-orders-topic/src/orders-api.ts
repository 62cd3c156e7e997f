import type { Kafka, Producer } from 'kafkajs';
import type { Clock } from '#graders/testkit/contracts/clock.ts';

/** An order as the orders service keeps it. */
export interface Order {
  orderId: string;
  customerId: string;
  shippingAddress: string;
}

/** What the orders service is given. */
export interface OrdersServiceDeps {
  /** A client on the course's broker, for any consumer the service runs. */
  kafka: Kafka;
  /** A connected producer. */
  producer: Producer;
  /** The `orders` topic. */
  topic: string;
  /** A consumer group id of the service's own, should it read the topic. */
  groupId: string;
  clock: Clock;
}

/** The orders service as the shop and the tests call it; keep this shape. */
export interface OrdersService {
  create(order: Order): Promise<void>;
  /** The customer corrects where the order goes. */
  updateShippingAddress(orderId: string, shippingAddress: string): Promise<void>;
  /** The customer withdraws the order before it ships. */
  remove(orderId: string): Promise<void>;
  /** The order as it stands now, or undefined when there is none (any more). */
  lookup(orderId: string): Promise<Order | undefined>;
  /** Stops whatever the service runs (consumers); the producer is the caller's. */
  close(): Promise<void>;
}
