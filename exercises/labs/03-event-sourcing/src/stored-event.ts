/**
 * Events as the event store keeps them, and the error of a lost race. Given: read it, don't
 * change it.
 */

/** An event on its way into the store. */
export interface NewEvent {
  /** The event type, e.g. `MoneyDeposited`. */
  type: string;
  /** The shape of `data`: the version of this type's schema the event was written with. */
  schemaVersion: number;
  /** The event's payload, stored as JSON. */
  data: Record<string, unknown>;
}

/** An event as the store hands it back. */
export interface RecordedEvent extends NewEvent {
  /** The stream (one per aggregate: one account) the event belongs to. */
  streamId: string;
  /** Its place in the stream: the first event is version 1, the next 2, without gaps. */
  version: number;
}

/**
 * An append whose expected version is not the stream's version: another writer appended
 * first (or the caller's view of the stream is wrong). The caller reloads and decides again.
 */
export class ConcurrencyError extends Error {
  override name = 'ConcurrencyError';
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly actualVersion: number | undefined;
  constructor(streamId: string, expectedVersion: number, actualVersion?: number) {
    super(
      `stream ${streamId}: expected version ${expectedVersion}` +
        (actualVersion === undefined ? ', but another writer appended first' : `, but it is at ${actualVersion}`),
    );
    this.streamId = streamId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}
