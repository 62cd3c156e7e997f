import type { Publisher, PublishRecord } from '../contracts/publisher.ts';

export interface RecordedMessage {
  topic: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
  /** Position in the whole record, across topics: the order the broker took messages in. */
  position: number;
}

/**
 * An in-memory stand-in for the broker, for property tests that run thousands of
 * schedules: it records what was published and can refuse publishes on demand, the way
 * a broker that is down or rejects a topic would.
 */
export class RecordingPublisher implements Publisher {
  readonly messages: RecordedMessage[] = [];
  /** While set, every publish fails with this error, as when the broker is unreachable. */
  unavailable: Error | undefined;
  /** Refuses a publish containing a message this returns an error for. */
  rejectMessage: ((message: { topic: string; key: string | null; value: string }) => Error | undefined) | undefined;

  async send(record: PublishRecord): Promise<{ topicName: string; baseOffset: string }[]> {
    if (this.unavailable) throw this.unavailable;
    const incoming = record.messages.map((message) => ({
      topic: record.topic,
      key: message.key == null ? null : message.key.toString(),
      value: message.value == null ? '' : message.value.toString(),
      headers: Object.fromEntries(
        Object.entries(message.headers ?? {}).flatMap(([name, value]) => (value === undefined ? [] : [[name, value.toString()]])),
      ),
    }));
    for (const message of incoming) {
      const refusal = this.rejectMessage?.(message);
      if (refusal) throw refusal;
    }
    const baseOffset = String(this.messages.length);
    for (const message of incoming) this.messages.push({ ...message, position: this.messages.length });
    return [{ topicName: record.topic, baseOffset }];
  }
}
