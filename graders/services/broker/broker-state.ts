import { randomBytes } from 'node:crypto';
import { BrokerEvents } from './broker-events.ts';
import { courseBrokerSettings } from './course-settings.ts';
import { BrokerFaults } from './faults.ts';
import { GroupCoordinator } from './group/group-coordinator.ts';
import { realTimers, type Timers } from './group/timers.ts';
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
  /** Timers for group sessions, rebalances and transaction timeouts; tests of the coordinators pass ManualTimers. */
  timers?: Timers;
}

export type BrokerSettings = Required<Omit<BrokerOptions, 'timers' | 'host' | 'port'>>;

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
  /** Requests handled and the synchronous time spent on them (decode, handle, encode, write). */
  readonly stats = { requests: 0, busyMs: 0 };
  private nextProducerId = 1000;
  private readonly stopping = new AbortController();

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
    this.coordinator.close();
    this.transactions.close();
  }
}
