import type { BrokerEvents } from './broker-events.ts';
import type { GroupCoordinator } from './group/group-coordinator.ts';
import { type ErrorName, errorCodeOf } from './protocol/error-codes.ts';

interface ProduceRule {
  topic: string | undefined;
  remaining: number;
}

/**
 * Failures the embedded broker stages on demand, the ones the course teaches and real Kafka
 * shows only by bad luck. Each takes effect on the next matching request and reports itself
 * through the broker's events. Tests using them run on the embedded broker only.
 */
export class BrokerFaults {
  private drops: ProduceRule[] = [];
  private rejections: (ProduceRule & { errorCode: number })[] = [];
  private fetchDelayMs = 0;
  private holds: ProduceHold[] = [];
  private down = false;
  private readonly coordinator: GroupCoordinator;
  private readonly events: BrokerEvents;
  private readonly onUnavailable: () => void;

  constructor(coordinator: GroupCoordinator, events: BrokerEvents, onUnavailable: () => void) {
    this.coordinator = coordinator;
    this.events = events;
    this.onUnavailable = onUnavailable;
  }

  /**
   * Appends the next `count` produce requests (to `topic`, or any) and then closes the
   * connection instead of answering: the producer cannot know the write happened, retries,
   * and a non-idempotent producer writes the batch twice.
   */
  dropProduceResponses(options: { topic?: string; count?: number } = {}): void {
    this.drops.push({ topic: options.topic, remaining: options.count ?? 1 });
  }

  /**
   * Holds every produce request to `topic` (or any) unanswered and unappended until the
   * returned function is called, as a broker stalled on its disk would: a producer that awaits
   * its send waits that long. Each held request reports itself ('produce-held'); `clear()`
   * releases them too, and a held request whose connection closes is dropped.
   */
  holdProduces(options: { topic?: string } = {}): () => void {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const hold: ProduceHold = { topic: options.topic, released, release };
    this.holds.push(hold);
    return () => {
      this.holds = this.holds.filter((h) => h !== hold);
      release();
    };
  }

  /** The hold a produce to `topic` waits on, if any. */
  holdFor(topic: string): Promise<void> | undefined {
    return this.holds.find((h) => h.topic === undefined || h.topic === topic)?.released;
  }

  /** Answers produces to `topic` with `error` (a Kafka error name or code), appending nothing. */
  rejectProduces(topic: string, error: ErrorName | number, options: { count?: number } = {}): void {
    const errorCode = errorCodeOf(error);
    if (!Number.isInteger(errorCode) || errorCode <= 0 || errorCode > 32767) {
      throw new Error(`rejectProduces takes a Kafka error name or a positive INT16 code, not ${String(error)}.`);
    }
    this.rejections.push({ topic, errorCode, remaining: options.count ?? Number.POSITIVE_INFINITY });
  }

  /** Closes every connection and refuses new ones until `makeAvailable`, as a crashed broker would. */
  makeUnavailable(): void {
    this.down = true;
    this.onUnavailable();
  }

  makeAvailable(): void {
    this.down = false;
  }

  /** Holds every fetch response back by `ms` more (0 ends the delay). */
  delayFetches(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`delayFetches takes a delay in milliseconds of 0 or more, not ${ms}.`);
    this.fetchDelayMs = ms;
  }

  /** Ends one member's session now; the group rebalances and the member's next call gets UNKNOWN_MEMBER_ID. */
  expireSession(groupId: string, memberId: string): void {
    if (!this.coordinator.expire(groupId, memberId)) {
      throw new Error(`Group "${groupId}" has no member "${memberId}": pass a member id from the consumer's GROUP_JOIN event.`);
    }
  }

  /** Ends every fault. */
  clear(): void {
    for (const hold of this.holds) hold.release();
    this.holds = [];
    this.drops = [];
    this.rejections = [];
    this.fetchDelayMs = 0;
    this.down = false;
  }

  get unavailable(): boolean {
    return this.down;
  }

  get fetchDelay(): number {
    return this.fetchDelayMs;
  }

  /** Consumes one matching drop rule, if any; the produce handler then closes the connection. */
  takeDrop(topic: string): boolean {
    return take(this.drops, topic);
  }

  /** The error to reject this produce with, consuming one use of the rule. */
  takeRejection(topic: string): number | undefined {
    const rule = this.rejections.find((r) => r.topic === topic && r.remaining > 0);
    if (!rule) return undefined;
    rule.remaining--;
    return rule.errorCode;
  }

  reportRefused(): void {
    this.events.emit('connection-refused');
  }
}

interface ProduceHold {
  topic: string | undefined;
  released: Promise<void>;
  release: () => void;
}

function take(rules: ProduceRule[], topic: string): boolean {
  const rule = rules.find((r) => (r.topic === undefined || r.topic === topic) && r.remaining > 0);
  if (!rule) return false;
  rule.remaining--;
  return true;
}
