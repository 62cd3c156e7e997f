import { EventEmitter } from 'node:events';

/**
 * What the broker reports as it happens, so tests wait on the event instead of sleeping:
 * faults taking effect, group membership changes, and any bug inside the broker itself.
 */
export interface BrokerEventMap {
  'produce-response-dropped': [{ topic: string; partition: number; baseOffset: number }];
  /** A produce request waits, unanswered and unappended, on a hold from `faults.holdProduces`. */
  'produce-held': [{ topic: string }];
  'produce-rejected': [{ topic: string; partition: number; errorCode: number }];
  'connection-refused': [];
  'fetch-delayed': [{ ms: number }];
  'rebalance-started': [{ groupId: string }];
  'rebalance-completed': [{ groupId: string; generationId: number; memberIds: string[] }];
  'member-removed': [{ groupId: string; memberId: string; reason: 'left' | 'session expired' | 'rebalance timeout' }];
  /** The broker aborted a transaction on its own: it timed out, or a new producer took its transactional id. */
  'transaction-aborted': [{ transactionalId: string; reason: 'timed out' | 'fenced by a new producer' }];
  /** A connection closed because its client broke the protocol; the broker carries on. */
  'protocol-error': [{ reason: string }];
  /** A client connection closed, for whatever reason; `open` is how many are left. */
  'connection-closed': [{ open: number }];
  /** An exception inside the broker: always a bug in the broker, never the client's fault. */
  'internal-error': [Error];
}

export class BrokerEvents extends EventEmitter<BrokerEventMap> {}
