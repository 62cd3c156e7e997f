import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';
import type { Cause } from '../cause.ts';
import type { SignUp } from './sign-up.ts';

/** Replace with the shape of your payload: the fields consumers need, nothing more. */
export type UserSignedUpData = Record<string, unknown>;

export type UserSignedUp = EventEnvelope<'UserSignedUp', UserSignedUpData>;

/** The fact that a user signed up, ready for the outbox. */
export function userSignedUp(signUp: SignUp, cause: Cause): UserSignedUp {
  throw new Error(
    'TODO: build the UserSignedUp event: envelope (id, type, version, source, occurredAt from signUp.signedUpAt, ' +
      'correlationId, causationId from cause) and data; see README "What to produce".',
  );
}
