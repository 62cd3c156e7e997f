import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { Kafka, type KafkaConfig, logLevel, type Producer } from 'kafkajs';
import { startEmbeddedBroker } from '#graders/testkit/broker-faults.ts';
import type { CrashPlan } from '#graders/testkit/faults/crash-points.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess, type SimulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import { freshDatabase, type TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { startLedgerConsumer } from '../../src/ledger-consumer.ts';
import type { LedgerCredited, PaymentCaptured } from '../../src/payment-events.ts';
import { apiKey, processNetwork, transactionalRequests } from './process-network.ts';
import { readUntil } from './topic-reader.ts';

type EmbeddedBroker = Awaited<ReturnType<typeof startEmbeddedBroker>>;

/**
 * Where a service process dies or stalls:
 * - `after-database-commit`: right after its first write is durable in PostgreSQL (a COMMIT,
 *   or a write outside a transaction), before anything else happens;
 * - `before-kafka-commit`: as it sends the Kafka transaction's commit (EndTxn), which never
 *   reaches the broker; by then the LedgerCredited it sent is in the log, uncommitted;
 * - `before-offset-commit`: its consumer's own offset commits (OffsetCommit, outside any
 *   transaction) never reach the broker, as if it always died just before them; it runs on
 *   until killed;
 * - `paused`: it stops, slow rather than dead, right after its first database call, holding
 *   its connections, until `process.resume()`.
 */
export type Stage = 'after-database-commit' | 'before-kafka-commit' | 'before-offset-commit' | 'paused';

export interface ServiceProcess {
  /** The process's database side: `died`, `paused`, `resume()`, the calls it made. */
  process: SimulatedProcess;
  /** Resolves once the process is dead: its database connections, its network and its group session gone. */
  dead: Promise<void>;
  /** Kills the process now, wherever it is. */
  kill(): Promise<void>;
  /** Ends its group session at the broker, as when a stalled process misses its heartbeats. */
  expireSession(): void;
  /** Kills the process as it next sends a transactional request to Kafka (the request never leaves). */
  dieAtNextKafkaTransactionRequest(): Promise<void>;
}

export interface Scenario {
  paymentsTopic: string;
  ledgerTopic: string;
  groupId: string;
  /** Publishes PaymentCaptured events to the payments topic, as the payment service does. */
  publish(...payments: PaymentCaptured[]): Promise<void>;
  /** Publishes a PaymentCaptured inside an upstream transaction that then aborts. */
  publishAborted(payment: PaymentCaptured): Promise<void>;
  /**
   * Starts the ledger service as a process of its own, maybe staged to die or stall; a crash
   * stage lands at its `occurrence`-th chance (the n-th durable write, the n-th Kafka commit).
   */
  startService(stage?: Stage, occurrence?: number): Promise<ServiceProcess>;
  /**
   * Publishes `payment`, lets a service process die where `stage` says while it handles it
   * (`before-offset-commit`: killed once the payment is announced), starts another one, and
   * returns what read_committed readers see once the new one has caught up: it has announced
   * `last`, a payment published after the restart.
   */
  restartAfter(stage: Exclude<Stage, 'paused'>, payment: PaymentCaptured): Promise<{ credits: LedgerCredited[]; last: PaymentCaptured }>;
  /** Reads the ledger topic from the start until `paymentId`'s LedgerCredited is there; returns every LedgerCredited read. */
  creditsUntil(paymentId: string, options?: { readUncommitted?: boolean }): Promise<LedgerCredited[]>;
  /** How many ledger rows the payment has in PostgreSQL. */
  ledgerRows(paymentId: string): Promise<number>;
}

export interface LedgerWorld extends AsyncDisposable {
  broker: EmbeddedBroker;
  db: TestDatabase;
  /** Fresh topics, group and transactional id for one test. */
  scenario(label: string): Promise<Scenario>;
}

/** One broker and one database for a whole test file: each test takes a scenario of its own. */
export async function ledgerWorld(label: string): Promise<LedgerWorld> {
  const broker = await startEmbeddedBroker();
  const db = await freshDatabase(label);
  const source = new URL('../../src/', import.meta.url);
  // Every .sql file in src/, in name order: a repair may add its tables in a file of its own.
  for (const file of (await readdir(source)).filter((name) => name.endsWith('.sql')).sort()) {
    try {
      await db.pool.query(await readFile(new URL(file, source), 'utf8'));
    } catch (error) {
      await Promise.all([db[Symbol.asyncDispose](), broker.stop()]);
      throw new Error(`src/${file} does not run on PostgreSQL: ${(error as Error).message}`);
    }
  }
  const newClient = (overrides: Partial<KafkaConfig> = {}) =>
    new Kafka({ clientId: 'ledger-course', brokers: broker.brokers, logLevel: logLevel.NOTHING, retry: { initialRetryTime: 50, maxRetryTime: 500, retries: 5 }, ...overrides });
  const upstream = newClient().producer();
  await upstream.connect();
  const live = new Set<ServiceProcess>();
  const upstreamTransactional = new Set<Producer>();

  return {
    broker,
    db,
    async scenario(name) {
      const suffix = randomUUID().slice(0, 8);
      const paymentsTopic = `${name}-payments-${suffix}`;
      const ledgerTopic = `${name}-ledger-${suffix}`;
      const groupId = `${name}-ledger-service-${suffix}`;
      const admin = newClient().admin();
      await admin.connect();
      await admin.createTopics({ topics: [paymentsTopic, ledgerTopic].map((topic) => ({ topic, numPartitions: 1 })), waitForLeaders: true });
      await admin.disconnect();
      let readers = 0;

      const startService = async (stage?: Stage, occurrence = 1): Promise<ServiceProcess> => {
        const network = processNetwork();
        const process = simulatedProcess({
          pool: db.pool,
          publisher: new RecordingPublisher(),
          plan: stage === 'after-database-commit' ? afterDurableWrite(occurrence) : undefined,
          pauseAt: stage === 'paused' ? { before: () => false, cut: () => undefined, after: () => true } : undefined,
        });
        const memberIds = new Set<string>();
        const expireSession = () => {
          const members = broker.state.coordinator.describe(groupId).members;
          for (const { memberId } of members) if (memberIds.has(memberId)) broker.faults.expireSession(groupId, memberId);
        };
        const dead = process.died.then(() => {
          network.sever();
          expireSession();
        });
        const kafka = newClient({ socketFactory: network.socketFactory });
        const consumer = kafka.consumer.bind(kafka);
        kafka.consumer = (config) => {
          // A dead process does not come back: its kafkajs consumer must not restart itself.
          const made = consumer({ ...config, retry: { ...config.retry, restartOnFailure: async () => !process.dead } });
          made.on(made.events.GROUP_JOIN, ({ payload }) => memberIds.add(payload.memberId));
          return made;
        };
        if (stage === 'before-kafka-commit') {
          let commits = 0;
          network.holdBack((key) => key === apiKey.endTxn && ++commits >= occurrence);
          void network.nthRequest(apiKey.endTxn, occurrence).then(() => process.kill());
        }
        if (stage === 'before-offset-commit') network.holdBack((key) => key === apiKey.offsetCommit);
        await startLedgerConsumer({ kafka, pool: process.pool, paymentsTopic, ledgerTopic, groupId, transactionalId: `${groupId}-txn` });
        const handle: ServiceProcess = {
          process,
          dead,
          async kill() {
            await process.kill();
            await dead;
          },
          expireSession,
          async dieAtNextKafkaTransactionRequest() {
            network.holdBack((key) => transactionalRequests.includes(key));
            await network.nextRequest(transactionalRequests);
            await handle.kill();
          },
        };
        live.add(handle);
        return handle;
      };

      const publish = async (...payments: PaymentCaptured[]) => {
        await upstream.send({ topic: paymentsTopic, messages: payments.map((p) => ({ key: p.orderId, value: JSON.stringify(p) })) });
      };
      const creditsUntil = (paymentId: string, { readUncommitted = false } = {}) =>
        readUntil<LedgerCredited>(newClient(), {
          topic: ledgerTopic,
          groupId: `${groupId}-reader-${++readers}`,
          readUncommitted,
          done: (credit) => credit.paymentId === paymentId,
          what: `the LedgerCredited of ${paymentId}${readUncommitted ? ' (read_uncommitted)' : ''}`,
        });

      return {
        paymentsTopic,
        ledgerTopic,
        groupId,
        publish,
        async publishAborted(payment) {
          const producer = newClient().producer({ transactionalId: `upstream-${suffix}`, idempotent: true, maxInFlightRequests: 1 });
          upstreamTransactional.add(producer);
          await producer.connect();
          const transaction = await producer.transaction();
          await transaction.send({ topic: paymentsTopic, messages: [{ key: payment.orderId, value: JSON.stringify(payment) }] });
          await transaction.abort();
        },
        startService,
        async restartAfter(stage, payment) {
          await publish(payment);
          const first = await startService(stage);
          if (stage === 'before-offset-commit') {
            await creditsUntil(payment.paymentId);
            await first.kill();
          }
          await first.dead;
          await startService();
          const last = aPayment();
          await publish(last);
          return { credits: await creditsUntil(last.paymentId), last };
        },
        creditsUntil,
        async ledgerRows(paymentId) {
          const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entries WHERE payment_id = $1', [paymentId]);
          return rows[0]!.n;
        },
      };
    },
    async [Symbol.asyncDispose]() {
      // Killed rather than stopped: a clean kafkajs shutdown waits out the consumer's long poll.
      await Promise.all([...live].map((service) => service.kill()));
      await Promise.all([upstream, ...upstreamTransactional].map((producer) => producer.disconnect()));
      await broker.stop();
      await db[Symbol.asyncDispose]();
    },
  };
}

/**
 * Dies right after the process's n-th write becomes durable: a COMMIT, or an INSERT, UPDATE
 * or DELETE that changed rows outside a transaction. Defined by what reaches the database,
 * so it lands between the database commit and the Kafka commit however the code is written.
 */
function afterDurableWrite(occurrence: number): CrashPlan {
  let inTransaction = false;
  let durable = 0;
  return {
    before: () => false,
    cut: () => undefined,
    after(call) {
      if (call.kind !== 'statement') return false;
      if (call.statement === 'begin') inTransaction = true;
      if (call.statement === 'rollback') inTransaction = false;
      const write = call.statement === 'insert' || call.statement === 'update' || call.statement === 'delete';
      const isDurable = call.statement === 'commit' || (!inTransaction && write && (call.rowCount ?? 0) > 0);
      if (call.statement === 'commit') inTransaction = false;
      return isDurable && ++durable === occurrence;
    },
  };
}

let payments = 0;
/** A PaymentCaptured of its own; pass `orderId` for a second capture of the same order. */
export function aPayment(overrides: Partial<PaymentCaptured> = {}): PaymentCaptured {
  payments++;
  return { type: 'PaymentCaptured', eventId: randomUUID(), paymentId: `pay-${randomUUID().slice(0, 8)}`, orderId: `order-${randomUUID().slice(0, 8)}`, amountCents: 1_000 * payments, ...overrides };
}
