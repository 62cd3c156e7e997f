/**
 * The one broker call a producer of events needs. It is the shape of `kafkajs`'s
 * `producer.send`, so a real producer fits as it is, and tests can put a recording,
 * rejecting or crashing publisher in its place.
 */
export interface Publisher {
  send(record: PublishRecord): Promise<unknown>;
}

export interface PublishRecord {
  topic: string;
  messages: PublishedMessage[];
  /** kafkajs's acknowledgement setting; relays should leave it at "all" (-1). */
  acks?: number;
}

export interface PublishedMessage {
  /** Partitioning key: messages with the same key keep their order. */
  key?: string | Buffer | null;
  value: string | Buffer | null;
  headers?: Record<string, string | Buffer | undefined>;
  timestamp?: string;
}
