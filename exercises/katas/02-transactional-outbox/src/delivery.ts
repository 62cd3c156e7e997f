/** One message as a consumer instance receives it from the broker. */
export interface Delivery {
  topic: string;
  partition: number;
  /** Position in the partition, as a decimal string (Kafka offsets are 64-bit). */
  offset: string;
  key: string | null;
  /** The event envelope as JSON text. */
  value: string;
  headers: Record<string, string>;
  /**
   * Tells the broker this consumer group is done with this message and everything before
   * it in the partition: after a crash, delivery resumes after it.
   */
  commitOffset(): Promise<void>;
}
