import { randomBytes } from 'node:crypto';
import { BrokerEvents } from './broker-events.ts';
import { courseBrokerSettings } from './course-settings.ts';
import { BrokerFaults } from './faults.ts';
import { GroupCoordinator } from './group/group-coordinator.ts';
import { realTimers, type Timers } from './group/timers.ts';
import { cleanTopic, enforceMemoryCap, heldMemory } from './log/log-cleaner.ts';
import type { TopicDefaults } from './log/topic-configs.ts';
import { TopicStore } from './log/topic-store.ts';
import { writeTransactionMarker } from './txn/markers.ts';
import { TransactionCoordinator } from './txn/transaction-coordinator.ts';

export interface BrokerOptions {
  /** Interface to listen on; loopback unless you mean to share the broker. */
  host?: string;
  /** 0 (the default) lets the kernel pick a free port. */
  port?: number;
  autoCreateTopics?: boolean;
  defaultPartitions?: number;
  minSessionTimeoutMs?: number;
  maxSessionTimeoutMs?: number;
  /** Largest record batch accepted (Kafka's message.max.bytes). */
  maxMessageBytes?: number;
  /** Largest request frame read before the connection is closed (socket.request.max.bytes). */
  maxRequestBytes?: number;
  /** Timers for group sessions, rebalances, transaction timeouts and the log cleaner; tests of the coordinators pass ManualTimers. */
  timers?: Timers;
  /** The broker's clock for retention (epoch ms); tests of retention pass their own and call `state.cleanLogs()`. */
  clock?: () => number;
  /** Default `retention.ms` of topics that set none (Kafka's `log.retention.ms`; Kafka's default is 7 days). */
  retentionMs?: number;
  /** Default `retention.bytes` per partition of topics that set none (Kafka's `log.retention.bytes`; -1, no limit, by default). */
  retentionBytes?: number;
  /** How often the log cleaner runs (Kafka's `log.retention.check.interval.ms`, 5 minutes by default). */
  cleanerIntervalMs?: number;
  /**
   * Not a Kafka setting: the most the logs together may hold (record bytes plus a per-batch
   * estimate), oldest batches across all topics deleted first. Unlimited unless given.
   */
  logMemoryCapBytes?: number;
}

type NotSettings = 'timers' | 'host' | 'port' | 'clock' | 'retentionMs' | 'retentionBytes' | 'cleanerIntervalMs' | 'logMemoryCapBytes';
export type BrokerSettings = Required<Omit<BrokerOptions, NotSettings>>;

const defaultCleanerIntervalMs = 300_000;

/** Everything the request handlers share: topics, groups, producer ids, faults, events. */
export class BrokerState {
  readonly nodeId = 1;
  readonly clusterId = randomBytes(16).toString('base64url').slice(0, 22);
  readonly settings: BrokerSettings;
  readonly topics = new TopicStore();
  readonly events = new BrokerEvents();
  readonly coordinator: GroupCoordinator;
  readonly faults: BrokerFaults;
  readonly transactions: TransactionCoordinator;
  host = '127.0.0.1';
  port = 0;
  /** Requests handled, the synchronous time spent on them (decode, handle, encode, write), and connections open now. */
  readonly stats = { requests: 0, busyMs: 0, openConnections: 0 };
  private nextProducerId = 1000;
  private readonly stopping = new AbortController();
  readonly clock: () => number;
  /** The `log.*` defaults given to this broker; a topic's own config wins over them. */
  readonly topicDefaults: Partial<TopicDefaults>;
  readonly logMemoryCapBytes: number;
  private readonly timers: Timers;
  private cleanerTimer: unknown;
  private capCheckQueued = false;

  constructor(options: BrokerOptions, closeAllConnections: () => void) {
    this.settings = {
      autoCreateTopics: options.autoCreateTopics ?? courseBrokerSettings['auto.create.topics.enable'],
      defaultPartitions: options.defaultPartitions ?? courseBrokerSettings['num.partitions'],
      minSessionTimeoutMs: options.minSessionTimeoutMs ?? courseBrokerSettings['group.min.session.timeout.ms'],
      maxSessionTimeoutMs: options.maxSessionTimeoutMs ?? courseBrokerSettings['group.max.session.timeout.ms'],
      maxMessageBytes: options.maxMessageBytes ?? courseBrokerSettings['message.max.bytes'],
      maxRequestBytes: options.maxRequestBytes ?? courseBrokerSettings['socket.request.max.bytes'],
    };
    this.coordinator = new GroupCoordinator(options.timers ?? realTimers, this.settings, {
      rebalanceStarted: (groupId) => this.events.emit('rebalance-started', { groupId }),
      rebalanceCompleted: (groupId, generationId, memberIds) =>
        this.events.emit('rebalance-completed', { groupId, generationId, memberIds }),
      memberRemoved: (groupId, memberId, reason) => this.events.emit('member-removed', { groupId, memberId, reason }),
    });
    this.transactions = new TransactionCoordinator(options.timers ?? realTimers, courseBrokerSettings['transaction.max.timeout.ms'], {
      allocateProducerId: () => this.allocateProducerId(),
      writeMarker: (target, producerId, epoch, committed) => writeTransactionMarker(this.topics, target, producerId, epoch, committed),
      commitOffsets: (groupId, offsets) => this.coordinator.storeTransactionalOffsets(groupId, offsets),
      aborted: (transactionalId, reason) => this.events.emit('transaction-aborted', { transactionalId, reason }),
    });
    this.faults = new BrokerFaults(this.coordinator, this.events, closeAllConnections);
    this.clock = options.clock ?? Date.now;
    this.timers = options.timers ?? realTimers;
    this.topicDefaults = {
      ...(options.retentionMs !== undefined && { 'retention.ms': options.retentionMs }),
      ...(options.retentionBytes !== undefined && { 'retention.bytes': options.retentionBytes }),
    };
    this.logMemoryCapBytes = options.logMemoryCapBytes ?? Infinity;
    if (Number.isFinite(this.logMemoryCapBytes)) this.topics.afterGrowth = () => this.queueCapCheck();
    const interval = options.cleanerIntervalMs ?? defaultCleanerIntervalMs;
    const schedule = () => {
      this.cleanerTimer = this.timers.setTimeout(() => {
        this.cleanLogs();
        schedule();
      }, interval);
      // The cleaner alone must not keep a process alive whose broker was never stopped.
      (this.cleanerTimer as { unref?: () => void }).unref?.();
    };
    schedule();
  }

  /** One run of the log cleaner: retention and compaction of every topic, then the memory cap. */
  cleanLogs(): void {
    const now = this.clock();
    for (const topic of this.topics.all()) cleanTopic(topic, now, this.topicDefaults);
    enforceMemoryCap(this.topics, this.logMemoryCapBytes);
  }

  /** What the logs hold now, as the memory cap counts it. */
  get logMemoryBytes(): number {
    return heldMemory(this.topics);
  }

  /** An append took the logs over the cap: trim them once the current request's appends are done. */
  private queueCapCheck(): void {
    if (this.capCheckQueued || heldMemory(this.topics) <= this.logMemoryCapBytes) return;
    this.capCheckQueued = true;
    queueMicrotask(() => {
      this.capCheckQueued = false;
      enforceMemoryCap(this.topics, this.logMemoryCapBytes);
    });
  }

  allocateProducerId(): number {
    return this.nextProducerId++;
  }

  /** Aborted when the broker stops, so long polls and fault delays end at once. */
  get stopSignal(): AbortSignal {
    return this.stopping.signal;
  }

  stop(): void {
    this.stopping.abort();
    this.timers.clearTimeout(this.cleanerTimer);
    this.coordinator.close();
    this.transactions.close();
  }
}
