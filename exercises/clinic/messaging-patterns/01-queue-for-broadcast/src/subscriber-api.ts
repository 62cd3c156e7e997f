import type { Consumer, Kafka } from 'kafkajs';
import type { OrderPlaced, ServiceName } from './order-placed.ts';

/** What the platform hands each running instance of a service. */
export interface SubscriberDeps {
  kafka: Kafka;
  /** The topic OrderPlaced is published on. */
  topic: string;
  /**
   * The deployment's name (e.g. "shop-prod"): every group id this deployment uses starts with
   * it, so two deployments on one cluster never share a group.
   */
  deployment: string;
  service: ServiceName;
  /** This instance's name within its service, e.g. "stock-2"; stable across restarts. */
  instance: string;
  /** The service's own work for one event. */
  onOrderPlaced(event: OrderPlaced): Promise<void>;
}

/** One running instance; keep this shape when you repair it. */
export interface Subscriber {
  /** The kafkajs consumer this instance reads with (the tests watch its group events). */
  consumer: Consumer;
  stop(): Promise<void>;
}
