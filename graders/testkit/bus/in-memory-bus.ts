import type { DeliverySchedule } from './delivery-schedule.ts';
import type { BusMessage, CommandHandler, MessageBus, MessageHandler, ServeOptions } from './message-bus.ts';
import { Timeline } from './timeline.ts';
import { VirtualClock } from '../faults/virtual-clock.ts';

export type Channel = 'event' | 'command' | 'reply';

interface Delivery<TData> {
  channel: Channel;
  recipient: string;
  message: BusMessage<TData>;
  readyAt: number;
  /** Enqueue order, so "the oldest ready queue" is well defined. */
  seq: number;
  /** A redelivery staged by `duplicateWhen`, which is not staged again. */
  again?: boolean;
}

/** How a run ended: everything delivered and no timer left, or a safety limit hit. */
export type RunEnd = 'quiet' | 'horizon' | 'delivery-limit';

export interface RunOptions {
  /** Stop once the next thing to happen is later than this (virtual ms); a saga that needs longer hangs. */
  horizonMs?: number;
  /** Stop after this many deliveries, so a message storm ends the run instead of the test. */
  maxDeliveries?: number;
}

/** Who publishes and who consumes each event type, as the code really did it. */
export interface EventFlow {
  producers: Set<string>;
  consumers: Set<string>;
}

/**
 * A message bus in one process whose broker behaviour is a fast-check schedule: it picks
 * the next queue to deliver, duplicates, loses commands and replies, and lets virtual time
 * pass so that timers fire. Nothing is delivered until `run`, and handlers run one at a
 * time, so a run is a pure function of the code, the schedule and the seed.
 */
export class InMemoryBus<TData> implements MessageBus<TData> {
  readonly clock: VirtualClock;
  readonly timeline: Timeline;
  /** Named in the flows as the producer of events published outside any handler. */
  outsideProducer: string;
  #subscribers = new Map<string, { types: Set<string>; handler: MessageHandler<TData> }>();
  #servers = new Map<string, { handler: CommandHandler<TData>; replyAfterMs: number; server: string }>();
  #replyListeners: MessageHandler<TData>[] = [];
  #queues = new Map<string, Delivery<TData>[]>();
  #seq = 0;
  #current: string | undefined;
  #published = new Map<string, Set<string>>();
  #lossRule: ((message: BusMessage<TData>, channel: Channel) => boolean) | undefined;
  #duplicateRule: ((message: BusMessage<TData>, channel: Channel, recipient: string) => boolean) | undefined;

  constructor(options: { clock?: VirtualClock; timeline?: Timeline; outsideProducer?: string } = {}) {
    this.clock = options.clock ?? new VirtualClock();
    this.timeline = options.timeline ?? new Timeline();
    this.outsideProducer = options.outsideProducer ?? 'outside';
    this.clock.onFire = (at) => this.timeline.add(at, 'timer fired');
    this.#attributeTimers();
  }

  /**
   * A timer a subscriber sets while handling an event (a retry after a back-off) acts for
   * that subscriber when it fires: what it publishes counts as the subscriber's in `flows`.
   */
  #attributeTimers(): void {
    const setTimer = this.clock.setTimer.bind(this.clock);
    this.clock.setTimer = (ms, callback) => {
      const owner = this.#current;
      if (owner === undefined) return setTimer(ms, callback);
      return setTimer(ms, async () => {
        this.#current = owner;
        try {
          await callback();
        } finally {
          this.#current = undefined;
        }
      });
    };
  }

  async publish(event: BusMessage<TData>): Promise<void> {
    const producer = this.#current ?? this.outsideProducer;
    const producers = this.#published.get(event.type) ?? new Set<string>();
    this.#published.set(event.type, producers.add(producer));
    this.#note(`${producer} published ${describe(event)}`);
    for (const [subscriber, { types }] of this.#subscribers) {
      if (types.has(event.type)) this.#enqueue('event', subscriber, event, 0);
    }
  }

  async subscribe(subscriber: string, eventTypes: readonly string[], handler: MessageHandler<TData>): Promise<void> {
    if (this.#subscribers.has(subscriber)) {
      throw new Error(
        `Subscriber "${subscriber}" is already registered: subscribe once per service with all its event types ` +
          '(one consumer group per service).',
      );
    }
    this.#subscribers.set(subscriber, { types: new Set(eventTypes), handler });
  }

  async send(command: BusMessage<TData>): Promise<void> {
    const server = this.#servers.get(command.type);
    if (!server) {
      throw new Error(
        `No service serves the command "${command.type}"; commands served: ${[...this.#servers.keys()].join(', ') || 'none'}.`,
      );
    }
    this.#note(`sent ${describe(command)}`);
    this.#enqueue('command', server.server, command, 0);
  }

  async serve(commandTypes: readonly string[], handler: CommandHandler<TData>, options: ServeOptions = {}): Promise<void> {
    const server = commandTypes.join('+');
    for (const type of commandTypes) {
      this.#servers.set(type, { handler, replyAfterMs: options.replyAfterMs ?? 0, server });
    }
  }

  async onReply(handler: MessageHandler<TData>): Promise<void> {
    this.#replyListeners.push(handler);
  }

  /**
   * Stages a fault on purpose: commands and replies for which `rule` says true are lost
   * (events never are), whatever the schedule says, e.g. "the first two CardCharged replies".
   */
  loseWhen(rule: (message: BusMessage<TData>, channel: Channel) => boolean): void {
    this.#lossRule = rule;
  }

  /**
   * Stages a redelivery on purpose: a delivery for which `rule` says true is delivered, and
   * then once more, e.g. "CardDeclined to stock" or "the first ChargeCard command".
   */
  duplicateWhen(rule: (message: BusMessage<TData>, channel: Channel, recipient: string) => boolean): void {
    this.#duplicateRule = rule;
  }

  /** Event types published or subscribed to so far, with their producers and consumers. */
  flows(): Map<string, EventFlow> {
    const flows = new Map<string, EventFlow>();
    const flow = (type: string) => {
      const found = flows.get(type) ?? { producers: new Set<string>(), consumers: new Set<string>() };
      flows.set(type, found);
      return found;
    };
    for (const [type, producers] of this.#published) for (const p of producers) flow(type).producers.add(p);
    for (const [subscriber, { types }] of this.#subscribers) for (const t of types) flow(t).consumers.add(subscriber);
    return flows;
  }

  /** Messages waiting, across all queues. */
  pending(): number {
    return [...this.#queues.values()].reduce((sum, queue) => sum + queue.length, 0);
  }

  /**
   * Delivers until nothing is left to deliver and no timer is pending (`quiet`), or a limit
   * is hit. The schedule drives the first deliveries; after it, delivery is calm: oldest
   * ready queue first, once, with time jumping straight to the next reply or timer.
   */
  async run(schedule: DeliverySchedule = [], options: RunOptions = {}): Promise<RunEnd> {
    const { horizonMs = Number.MAX_SAFE_INTEGER, maxDeliveries = 10_000 } = options;
    let step = 0;
    for (let delivered = 0; ; ) {
      const decision = schedule[step];
      if (decision && decision.delayMs > 0) await this.#advance(this.clock.elapsedMs() + decision.delayMs, horizonMs);
      const ready = this.#readyQueues();
      if (ready.length === 0) {
        const next = this.#nextMoment();
        if (next === undefined) return 'quiet';
        if (next > horizonMs) return 'horizon';
        await this.clock.advanceTo(next);
        continue;
      }
      if (delivered >= maxDeliveries) return 'delivery-limit';
      const queue = ready[decision ? decision.pick % ready.length : 0]!;
      const delivery = queue.shift()!;
      step += 1;
      delivered += 1;
      const lost = decision?.lose || this.#lossRule?.(delivery.message, delivery.channel);
      if (lost && delivery.channel !== 'event') {
        this.#note(`${delivery.channel} ${describe(delivery.message)} lost`);
        continue;
      }
      const staged = !delivery.again && this.#duplicateRule?.(delivery.message, delivery.channel, delivery.recipient);
      if (decision?.duplicate || staged) {
        this.#note(`${describe(delivery.message)} will be delivered again`);
        queue.push({ ...delivery, seq: this.#seq++, again: Boolean(staged) });
      }
      await this.#deliver(delivery);
    }
  }

  async #advance(to: number, horizonMs: number): Promise<void> {
    await this.clock.advanceTo(Math.min(to, Math.max(horizonMs, this.clock.elapsedMs())));
  }

  #enqueue(channel: Channel, recipient: string, message: BusMessage<TData>, afterMs: number): void {
    const name = `${channel}\u0000${recipient}\u0000${message.key}`;
    const queue = this.#queues.get(name) ?? [];
    this.#queues.set(name, queue);
    queue.push({ channel, recipient, message, readyAt: this.clock.elapsedMs() + afterMs, seq: this.#seq++ });
  }

  #readyQueues(): Delivery<TData>[][] {
    const now = this.clock.elapsedMs();
    return [...this.#queues.values()]
      .filter((queue) => queue[0] !== undefined && queue[0].readyAt <= now)
      .sort((a, b) => a[0]!.seq - b[0]!.seq);
  }

  #nextMoment(): number | undefined {
    const heads = [...this.#queues.values()].flatMap((queue) => (queue[0] ? [queue[0].readyAt] : []));
    const timer = this.clock.nextTimerAt();
    const all = timer === undefined ? heads : [...heads, timer];
    return all.length === 0 ? undefined : Math.min(...all);
  }

  async #deliver({ channel, recipient, message }: Delivery<TData>): Promise<void> {
    if (channel === 'event') {
      this.#note(`${describe(message)} delivered to ${recipient}`);
      this.#current = recipient;
      try {
        await this.#subscribers.get(recipient)!.handler(message);
      } finally {
        this.#current = undefined;
      }
    } else if (channel === 'command') {
      const server = this.#servers.get(message.type)!;
      const reply = await server.handler(message);
      this.#note(`${describe(message)} handled, reply ${describe(reply)}${server.replyAfterMs ? ` due in ${server.replyAfterMs}ms` : ''}`);
      this.#replyListeners.forEach((_, i) => this.#enqueue('reply', `listener-${i}`, reply, server.replyAfterMs));
    } else {
      this.#note(`reply ${describe(message)} delivered`);
      await this.#replyListeners[Number(recipient.slice('listener-'.length))]!(message);
    }
  }

  #note(text: string): void {
    this.timeline.add(this.clock.elapsedMs(), text);
  }
}

function describe(message: BusMessage<unknown>): string {
  return `${message.type} (${message.key})`;
}
