import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';
import type { Cause } from '../cause.ts';
import type { FiledClaim } from './filed-claim.ts';

/** Replace with the shape of your payload: the fields consumers need, nothing more. */
export type ClaimFiledData = Record<string, unknown>;

export type ClaimFiled = EventEnvelope<'ClaimFiled', ClaimFiledData>;

/** The fact that a claimant filed a claim, ready for the outbox. */
export function claimFiled(claim: FiledClaim, cause: Cause): ClaimFiled {
  throw new Error(
    'TODO: build the ClaimFiled event: envelope (id, type, version, source, occurredAt from claim.filedAt, ' +
      'correlationId, causationId from cause) and data; see README "What to produce".',
  );
}
