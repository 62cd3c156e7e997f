import type { Consumer, ConsumerRunConfig, KafkaMessage } from 'kafkajs';

export interface Received {
  consumer: string;
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  headers: KafkaMessage['headers'];
  timestamp: string;
}

/**
 * Collects what consumers receive and lets a test wait until a condition on it holds,
 * checked after every message: no polling, no sleeping. `within` only bounds a failing wait,
 * so it fails with what did arrive instead of a bare test timeout.
 */
export class MessageCollector {
  readonly received: Received[] = [];
  private readonly waiters: { holds: () => boolean; resolve: () => void }[] = [];

  add(message: Received): void {
    this.received.push(message);
    for (const waiter of [...this.waiters]) {
      if (waiter.holds()) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  values(consumer?: string): string[] {
    return this.received.filter((m) => consumer === undefined || m.consumer === consumer).map((m) => m.value ?? '<null>');
  }

  until(holds: (received: Received[]) => boolean, what: string, within = 20_000): Promise<void> {
    if (holds(this.received)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`Waited ${within} ms for ${what}; received ${this.received.length}: ${this.values().slice(0, 30).join(', ')}`));
      }, within);
      const waiter = {
        holds: () => holds(this.received),
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Runs `consumer`, adding every message under the name given. */
  run(consumer: Consumer, name: string, config: Partial<ConsumerRunConfig> = {}): Promise<void> {
    return consumer.run({
      ...config,
      eachMessage: async ({ partition, message }) => {
        this.add({
          consumer: name,
          partition,
          offset: Number(message.offset),
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: message.headers,
          timestamp: message.timestamp,
        });
      },
    });
  }
}
