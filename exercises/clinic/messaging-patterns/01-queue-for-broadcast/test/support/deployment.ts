import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
// Brings in the typing of inject('services') that kafka-topic.ts reads.
import type {} from '#graders/testkit/vitest/provided-services.ts';
import { freshKafka, type TestKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { type OrderPlaced, type ServiceName, serviceNames } from '../../src/order-placed.ts';
import type { Subscriber } from '../../src/subscriber-api.ts';
import { startSubscriber } from '../../src/subscriber.ts';
import { Conditions } from '#graders/testkit/harness/conditions.ts';

/** Partitions of the OrderPlaced topic: enough that a group of three can share the work. */
export const partitions = 3;

/** One event handled by one instance of a service. */
export interface Delivery {
  service: ServiceName;
  instance: string;
  eventId: string;
}

/** One running instance as the platform sees it: its group, its partitions, its fetches. */
interface Member {
  service: ServiceName;
  instance: string;
  subscriber: Subscriber;
  groupId?: string;
  assigned: number[];
  fetchedSinceJoin: boolean;
  handled: string[];
}

/**
 * The shop's deployment on the course's broker: an OrderPlaced topic with three partitions,
 * instances of the three services started the way the platform starts them, and a record of
 * every event each instance handled.
 */
export interface Deployment extends AsyncDisposable {
  kafka: TestKafka;
  /**
   * Starts `perService` instances of every service (named "stock-1", "stock-2", ...), or as
   * many of each as a map such as `{ stock: 2, email: 1, analytics: 3 }` says.
   */
  start(perService: number | Record<ServiceName, number>): Promise<void>;
  /** Stops every running instance (a restart is `stopAll()` then `start(n)` again). */
  stopAll(): Promise<void>;
  /**
   * Waits until every running instance has joined its group, each group has shared all the
   * partitions out, and every instance holding partitions has fetched (so its starting
   * position is fixed): events published after this reach the groups as they now stand.
   */
  ready(): Promise<void>;
  /** Publishes `count` OrderPlaced, spread round-robin over the partitions; returns their ids. */
  publish(count: number): Promise<string[]>;
  /**
   * Waits until every running group has handled the newest event on every partition. Within a
   * partition events arrive in order, so by then each group has handled everything it will.
   */
  settle(): Promise<void>;
  /** Every delivery so far, in the order the instances handled them. */
  deliveries: Delivery[];
  /** How many times `service` (all its instances together) handled each of `eventIds`. */
  timesHandled(service: ServiceName, eventIds: string[]): number[];
}

export async function deployment(label: string): Promise<Deployment> {
  const kafka = await freshKafka(label, { partitions });
  const deploymentName = kafka.groupId('deployment');
  const conditions = new Conditions();
  const deliveries: Delivery[] = [];
  const newest = new Map<number, string>();
  let members: Member[] = [];
  let published = 0;
  let producer: Producer | undefined;

  const describe = () =>
    `instances: ${JSON.stringify(members.map((m) => ({ instance: m.instance, group: m.groupId, partitions: m.assigned, handled: m.handled.length })))}`;
  const groups = () => new Set(members.map((m) => m.groupId));

  async function startOne(service: ServiceName, instance: string): Promise<Member> {
    const member = { service, instance, assigned: [], fetchedSinceJoin: false, handled: [] } as Omit<Member, 'subscriber'> as Member;
    // The tests watch the consumer from the moment the service makes it: kafkajs joins the
    // group inside consumer.run(), before startSubscriber returns.
    const watched = Object.create(kafka.client) as Kafka;
    watched.consumer = (config) => {
      const consumer = kafka.client.consumer(config);
      consumer.on(consumer.events.GROUP_JOIN, (event) => {
        member.groupId = event.payload.groupId;
        member.assigned = [...(event.payload.memberAssignment[kafka.topic] ?? [])].sort((a, b) => a - b);
        member.fetchedSinceJoin = false;
        conditions.changed();
      });
      consumer.on(consumer.events.FETCH, () => {
        member.fetchedSinceJoin = true;
        conditions.changed();
      });
      return consumer;
    };
    member.subscriber = await startSubscriber({
      kafka: watched,
      topic: kafka.topic,
      deployment: deploymentName,
      service,
      instance,
      onOrderPlaced: async (event) => {
        member.handled.push(event.eventId);
        deliveries.push({ service, instance, eventId: event.eventId });
        conditions.changed();
      },
    });
    return member;
  }

  return {
    kafka,
    deliveries,
    async start(perService) {
      const count = (service: ServiceName) => (typeof perService === 'number' ? perService : perService[service]);
      const starting = serviceNames.flatMap((service) =>
        Array.from({ length: count(service) }, (_, n) => startOne(service, `${service}-${n + 1}`)),
      );
      members = [...members, ...(await Promise.all(starting))];
    },
    async stopAll() {
      const stopping = members;
      members = [];
      await Promise.all(stopping.map((m) => m.subscriber.stop()));
    },
    ready: () =>
      conditions.until(
        () => {
          if (members.length === 0 || members.some((m) => m.groupId === undefined)) return false;
          for (const group of groups()) {
            const shares = members.filter((m) => m.groupId === group).flatMap((m) => m.assigned).sort((a, b) => a - b);
            if (shares.length !== partitions || shares.some((p, i) => p !== i)) return false;
          }
          return members.every((m) => m.assigned.length === 0 || m.fetchedSinceJoin);
        },
        'every group to share out all partitions and every instance holding one to fetch',
        describe,
      ),
    async publish(count) {
      if (!producer) {
        producer = kafka.client.producer();
        await producer.connect();
      }
      const events: OrderPlaced[] = Array.from({ length: count }, () => ({
        type: 'OrderPlaced',
        eventId: randomUUID(),
        orderId: `order-${randomUUID().slice(0, 8)}`,
        totalCents: 1_000,
      }));
      for (const event of events) {
        const partition = published++ % partitions;
        await producer.send({
          topic: kafka.topic,
          messages: [{ key: event.orderId, value: JSON.stringify(event), partition }],
        });
        newest.set(partition, event.eventId);
      }
      return events.map((e) => e.eventId);
    },
    settle: () =>
      conditions.until(
        () =>
          [...groups()].every((group) => {
            const handled = new Set(members.filter((m) => m.groupId === group).flatMap((m) => m.handled));
            return [...newest.values()].every((id) => handled.has(id));
          }),
        'every running group to handle the newest event on every partition',
        describe,
      ),
    timesHandled(service, eventIds) {
      return eventIds.map((id) => deliveries.filter((d) => d.service === service && d.eventId === id).length);
    },
    async [Symbol.asyncDispose]() {
      try {
        await Promise.all(members.map((m) => m.subscriber.stop()));
        await producer?.disconnect();
      } finally {
        await kafka[Symbol.asyncDispose]();
      }
    },
  };
}
