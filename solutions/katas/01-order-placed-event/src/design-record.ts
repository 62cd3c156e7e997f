/**
 * The written half of the kata: the decisions around the event, as data the tests read.
 * Every `why` is a sentence of your own.
 */
export interface DesignRecord {
  topic: {
    /** The topic the event is published to, e.g. a Kafka topic name. */
    name: string;
    /**
     * The naming convention the name follows, with placeholders in angle brackets, e.g.
     * `<domain>.<entity>.<event>.v<version>`. It must carry `<version>`.
     */
    convention: string;
  };
  /** Exactly two services that subscribe, and how each wants to be told. */
  consumers: [ConsumerChoice, ConsumerChoice];
  /** One field the producer has but deliberately keeps out of the event. */
  leftOff: {
    /** The field's name as it appears in the producer's input (e.g. a key of the customer). */
    field: string;
    reason: 'pii' | 'size' | 'volatility' | 'secret';
    why: string;
  };
  /** One property beyond the obvious, as a dotted path into the event (`data.sagaId`). */
  nonObviousProperty: { path: string; why: string };
  outbox: {
    /** SQL that creates the outbox table on an empty PostgreSQL database. */
    ddl: string;
    /** One INSERT of an event: `$1` the event id, `$2` the topic, `$3` the event as JSON text. */
    insert: string;
  };
}

/** A subscriber and the style of event it prefers. */
export interface ConsumerChoice {
  service: string;
  /** notification: "it happened, ask me for details"; state-transfer: the event carries the state. */
  mode: 'notification' | 'state-transfer';
  why: string;
}
