import type { Consumer, Kafka, Producer } from 'kafkajs';
import type { BusMessage, CommandHandler, MessageBus, MessageHandler } from './message-bus.ts';

export interface KafkaBusTopics {
  /** Every event, keyed by the message key, so one saga's events keep their order. */
  events: string;
  /** Needed only for send/serve. */
  commands?: string;
  /** Needed only for serve/onReply. */
  replies?: string;
}

export interface KafkaBusOptions {
  client: Kafka;
  topics: KafkaBusTopics;
  /** The consumer group id for a subscriber name (fresh per test, so runs never meet). */
  groupId(name: string): string;
}

/**
 * The same seam over real Kafka topics: each subscriber is a consumer group reading the
 * events topic from the beginning; commands and replies travel on topics of their own.
 * A handler that throws is not retried here: the error is kept in `failure`, so a test
 * fails with the handler's own message instead of waiting for an outcome that never comes.
 */
export class KafkaBus<TData> implements MessageBus<TData>, AsyncDisposable {
  readonly #options: KafkaBusOptions;
  readonly #consumers: Consumer[] = [];
  #producer: Producer | undefined;
  #reject: ((error: unknown) => void) | undefined;
  /** Rejects with the first error a handler threw; never resolves. */
  readonly failure: Promise<never>;

  constructor(options: KafkaBusOptions) {
    this.#options = options;
    this.failure = new Promise<never>((_, reject) => {
      this.#reject = reject;
    });
    this.failure.catch(() => {}); // observed by whoever races it; not an unhandled rejection here
  }

  async publish(event: BusMessage<TData>): Promise<void> {
    await this.#send(this.#options.topics.events, event);
  }

  async subscribe(subscriber: string, eventTypes: readonly string[], handler: MessageHandler<TData>): Promise<void> {
    const types = new Set(eventTypes);
    await this.#consume(subscriber, this.#options.topics.events, async (message) => {
      if (types.has(message.type)) await handler(message);
    });
  }

  async send(command: BusMessage<TData>): Promise<void> {
    await this.#send(this.#topic('commands'), command);
  }

  async serve(commandTypes: readonly string[], handler: CommandHandler<TData>): Promise<void> {
    const types = new Set(commandTypes);
    const replies = this.#topic('replies');
    await this.#consume(`serve-${commandTypes.join('-')}`, this.#topic('commands'), async (command) => {
      if (types.has(command.type)) await this.#send(replies, await handler(command));
    });
  }

  async onReply(handler: MessageHandler<TData>): Promise<void> {
    await this.#consume(`replies-${this.#consumers.length}`, this.#topic('replies'), handler);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await Promise.allSettled(this.#consumers.map((consumer) => consumer.disconnect()));
    await this.#producer?.disconnect();
  }

  #topic(which: 'commands' | 'replies'): string {
    const topic = this.#options.topics[which];
    if (!topic) throw new Error(`This KafkaBus has no ${which} topic: pass topics.${which} to use commands and replies.`);
    return topic;
  }

  async #send(topic: string, message: BusMessage<TData>): Promise<void> {
    if (!this.#producer) {
      this.#producer = this.#options.client.producer();
      await this.#producer.connect();
    }
    await this.#producer.send({ topic, messages: [{ key: message.key, value: JSON.stringify(message) }] });
  }

  async #consume(name: string, topic: string, handler: MessageHandler<TData>): Promise<void> {
    const consumer = this.#options.client.consumer({ groupId: this.#options.groupId(name) });
    this.#consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (!message.value) return;
        try {
          await handler(JSON.parse(message.value.toString('utf8')) as BusMessage<TData>);
        } catch (error) {
          this.#reject?.(error);
        }
      },
    });
  }
}
