/**
 * The seam saga code is written against: events for choreography (publish, subscribe),
 * commands and replies for orchestration (send, serve, onReply). Two implementations keep
 * it honest: an in-memory bus whose deliveries a fast-check schedule drives, and a bus over
 * real Kafka topics. Code that works on both assumes nothing a broker does not promise.
 */

/** One message on the bus: an event, a command or a reply. */
export interface BusMessage<TData = unknown> {
  /** Unique per message; a redelivered duplicate keeps it, a retried command gets a new one. */
  id: string;
  /** `OrderPlaced` for an event, `ChargeCard` for a command, `CardCharged` for its reply. */
  type: string;
  /** Partition key: messages with one key reach one consumer in the order they were sent. */
  key: string;
  /** Id of the message that caused this one, if any (a reply names its command). */
  causationId?: string;
  data: TData;
}

/**
 * Handles one delivered message. The bus waits for the returned promise before it counts
 * the message as handled; a throw means "not handled" and the bus may deliver it again.
 */
export type MessageHandler<TData> = (message: BusMessage<TData>) => Promise<void> | void;

/** Turns a command into its reply; the bus carries the reply back to `onReply` handlers. */
export type CommandHandler<TData> = (command: BusMessage<TData>) => Promise<BusMessage<TData>> | BusMessage<TData>;

export interface EventBus<TData> {
  /** Appends an event; every subscriber gets it at least once. */
  publish(event: BusMessage<TData>): Promise<void>;
  /**
   * Registers a subscriber (a consumer group: one service) for some event types. Each
   * subscriber sees every event of those types, in order per key, possibly more than once.
   */
  subscribe(subscriber: string, eventTypes: readonly string[], handler: MessageHandler<TData>): Promise<void>;
}

export interface ServeOptions {
  /** How long the service takes before its reply is on the bus (virtual time in memory). */
  replyAfterMs?: number;
}

export interface CommandBus<TData> {
  /** Sends a command to whichever service serves its type. It can be lost, or delivered twice. */
  send(command: BusMessage<TData>): Promise<void>;
  /** The service side: handle these command types and reply. */
  serve(commandTypes: readonly string[], handler: CommandHandler<TData>, options?: ServeOptions): Promise<void>;
  /** The sender's side: receive every reply. Replies can be lost, late or duplicated. */
  onReply(handler: MessageHandler<TData>): Promise<void>;
}

export type MessageBus<TData> = EventBus<TData> & CommandBus<TData>;

/** Time as saga code sees it: the course's one clock, injected so tests move it forward. */
export type { Clock, TimerHandle } from '../contracts/clock.ts';
