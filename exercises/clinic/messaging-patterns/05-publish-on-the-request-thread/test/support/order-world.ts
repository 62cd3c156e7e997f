import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Producer } from 'kafkajs';
import { startEmbeddedBroker } from '#graders/testkit/broker-faults.ts';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';
import { type CrashPlan, type CrashPoint, planFor } from '#graders/testkit/faults/crash-points.ts';
import { installInsertFault } from '#graders/testkit/faults/insert-fault.ts';
import { simulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { freshKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { databaseWithSchema } from '#graders/testkit/harness/schema-database.ts';
import type { OrderRequest } from '../../src/http-json.ts';
import type { OrderPlaced } from '../../src/order-events.ts';
import type { OrderService } from '../../src/order-service-api.ts';
import { createOrderService } from '../../src/order-service.ts';

/** What the customer's browser got back from `POST /orders`. */
export interface Answer {
  status: number;
  orderId?: string;
  error?: string;
}

/** Where a service process dies: a course crash point, or right after the statement that writes the order. */
export type ServiceDeath = CrashPoint | 'after-order-insert';

/**
 * Checkout's order service behind a real HTTP server, on a database of its own, publishing
 * through kafkajs to a Kafka-protocol broker this file starts for itself, so that the broker
 * can be stalled or taken down (embedded broker only). Nothing here sleeps: every wait ends
 * on an answer, a broker event or a settled send.
 */
export interface OrderWorld extends AsyncDisposable {
  db: TestDatabase;
  clock: VirtualClock;
  /** POSTs an order (a new customer and 42.50 unless given) and waits for the answer. */
  placeOrder(order?: Partial<OrderRequest>): Promise<Answer>;
  /**
   * Stalls the broker (it takes produce requests and answers none until released), POSTs an
   * order and says what happened first: the customer got an answer, or a produce reached the
   * stalled broker. Call `release()` when done; `answer` settles once there is one.
   */
  placeOrderWithBrokerStalled(order?: Partial<OrderRequest>): Promise<{ first: 'answer' | 'produce'; answer: Promise<Answer>; release(): void }>;
  /** POSTs an order to a service process that dies at `diesAt`; 'died' when no answer came before it died. */
  placeOrderInDyingService(diesAt: ServiceDeath, order?: Partial<OrderRequest>): Promise<Answer | 'died'>;
  /** Takes the broker down (connections closed and refused) or brings it back. */
  brokerDown(down: boolean): Promise<void>;
  /** One pass of the service's background publisher, as its timer would run it. */
  publishPending(): Promise<'finished' | 'failed'>;
  /** Background passes until one publishes nothing (the broker must be up). */
  drain(): Promise<void>;
  /** Makes the next row written to `orders` fail, as a full disk or a lost connection would. */
  failNextOrderInsert(): Promise<void>;
  /** The orders stored for this customer, by id. */
  ordersOf(customerId: string): Promise<string[]>;
  /** The OrderPlaced events the broker acknowledged for this customer, in order. */
  publishedFor(customerId: string): OrderPlaced[];
  /** How often the broker acknowledged an OrderPlaced for this order. */
  timesPublished(orderId: string): number;
  /** How many records the topic holds, as the broker reports it. */
  recordsOnTopic(): Promise<number>;
}

export const aCustomer = () => `customer-${randomUUID().slice(0, 8)}`;

export async function orderWorld(label: string): Promise<OrderWorld> {
  const stack = new AsyncDisposableStack();
  try {
    const broker = stack.use(await startEmbeddedBroker());
    const kafka = stack.use(await freshKafka(label, { on: broker }));
    const db = stack.use(await databaseWithSchema(label, new URL('../../src/checkout-schema.sql', import.meta.url)));
    const ordersFault = await installInsertFault(db.pool, 'orders', 'the order could not be written (a staged fault)');
    // Few, short retries: a send to a broker that is down fails in milliseconds, not seconds.
    const producer = kafka.newClient({ retry: { initialRetryTime: 10, maxRetryTime: 20, retries: 1 } }).producer({ allowAutoTopicCreation: false });
    await producer.connect();
    stack.defer(() => producer.disconnect());
    const publisher = new AcknowledgedSends(producer);
    const clock = new VirtualClock();
    const service = createOrderService({ pool: db.pool, publisher, clock, topic: kafka.topic });
    const mainServer = stack.use(await serve(service));

    const world: OrderWorld = {
      db,
      clock,
      placeOrder: (order) => post(mainServer.url, order),
      async placeOrderWithBrokerStalled(order) {
        const release = broker.faults.holdProduces({ topic: kafka.topic });
        let stop = () => {};
        const produced = new Promise<'produce'>((resolve) => {
          const onHeld = ({ topic }: { topic: string }) => topic === kafka.topic && resolve('produce');
          broker.events.on('produce-held', onHeld);
          stop = () => broker.events.off('produce-held', onHeld);
        });
        const answer = post(mainServer.url, order);
        // The answer is awaited by the caller later; a rejection then is theirs, not unhandled here.
        answer.catch(() => undefined);
        const first = await Promise.race([answer.then(() => 'answer' as const, () => 'answer' as const), produced]);
        stop();
        return { first, answer, release };
      },
      async placeOrderInDyingService(diesAt, order) {
        const process = simulatedProcess({ pool: db.pool, publisher, plan: planOf(diesAt) });
        const dying = createOrderService({ pool: process.pool, publisher: process.publisher, clock, topic: kafka.topic });
        await using server = await serve(dying);
        const answer = post(server.url, order);
        answer.catch(() => undefined);
        const outcome = await process.run(answer);
        return outcome.finished ? outcome.value : 'died';
      },
      async brokerDown(down) {
        // A send the service left running (not awaited) settles before the broker changes.
        await publisher.settled();
        if (down) broker.faults.makeUnavailable();
        else broker.faults.makeAvailable();
      },
      async publishPending() {
        try {
          await service.publishPending();
          return 'finished';
        } catch {
          return 'failed';
        } finally {
          await publisher.settled();
        }
      },
      async drain() {
        await publisher.settled();
        for (let pass = 0; pass < 20; pass++) {
          if ((await service.publishPending()) === 0) return;
        }
        throw new Error('publishPending() still published something after 20 passes: does it mark what it sent?');
      },
      failNextOrderInsert: () => ordersFault.failNext(),
      async ordersOf(customerId) {
        const { rows } = await db.pool.query<{ order_id: string }>(/* sql */ `SELECT order_id::text FROM orders WHERE customer_id = $1 ORDER BY order_id`, [customerId]);
        return rows.map((row) => row.order_id);
      },
      publishedFor: (customerId) => publisher.events.filter((event) => event.data?.customerId === customerId),
      timesPublished: (orderId) => publisher.events.filter((event) => event.data?.orderId === orderId).length,
      async recordsOnTopic() {
        const partitions = await kafka.admin.fetchTopicOffsets(kafka.topic);
        return partitions.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
      },
      async [Symbol.asyncDispose]() {
        broker.faults.clear();
        await publisher.settled();
        await stack.disposeAsync();
      },
    };
    return world;
  } catch (error) {
    await stack.disposeAsync();
    throw error;
  }
}

function planOf(diesAt: ServiceDeath): CrashPlan {
  if (diesAt !== 'after-order-insert') return planFor(diesAt);
  // Right after the write of the order succeeded: committed when it ran on its own, still
  // open when it ran inside a transaction.
  return {
    before: () => false,
    cut: () => undefined,
    after: (call) => call.kind === 'statement' && call.statement === 'insert' && /\binto\s+"?orders"?\b/i.test(call.sql ?? ''),
  };
}

/**
 * The service's publisher: the kafkajs producer, keeping every message the broker
 * acknowledged and counting sends still in flight, so a test can wait for them to settle.
 */
class AcknowledgedSends implements Publisher {
  readonly events: OrderPlaced[] = [];
  private inFlight = new Set<Promise<unknown>>();
  private readonly producer: Producer;

  constructor(producer: Producer) {
    this.producer = producer;
  }

  send(record: Parameters<Publisher['send']>[0]): Promise<unknown> {
    const sending = this.producer.send(record).then((result) => {
      for (const message of record.messages) this.events.push(parseEvent(message.value));
      return result;
    });
    this.inFlight.add(sending);
    const forget = () => this.inFlight.delete(sending);
    sending.then(forget, forget);
    return sending;
  }

  /** Resolves once every send started so far has been acknowledged or has failed. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}

function parseEvent(value: string | Buffer | null): OrderPlaced {
  try {
    return JSON.parse(value?.toString() ?? 'null') as OrderPlaced;
  } catch {
    throw new Error(`A message on the orders topic is not JSON: ${String(value).slice(0, 80)}. Publish the OrderPlaced envelope as JSON.`);
  }
}

interface RunningServer extends AsyncDisposable {
  url: string;
}

async function serve(service: OrderService): Promise<RunningServer> {
  const server: Server = createServer((request, response) => void service.handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async [Symbol.asyncDispose]() {
      // A request a dead service never answered is cut off, as a killed process's would be.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function post(url: string, order: Partial<OrderRequest> = {}): Promise<Answer> {
  const response = await fetch(`${url}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customerId: aCustomer(), totalCents: 4250, ...order }),
  });
  const body = (await response.json().catch(() => ({}))) as { orderId?: string; error?: string };
  return { status: response.status, ...body };
}
