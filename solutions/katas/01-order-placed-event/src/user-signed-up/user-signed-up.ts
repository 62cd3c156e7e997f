import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';
import type { Cause } from '../cause.ts';
import type { SignUp } from './sign-up.ts';

export interface UserSignedUpData {
  userId: string;
  planId: string;
  lines: { item: string; quantity: number; unitPriceCents: number }[];
  totalCents: number;
  currency: string;
}

export type UserSignedUp = EventEnvelope<'UserSignedUp', UserSignedUpData>;

/** The fact that a new user signed up on a paid plan. */
export function userSignedUp(signUp: SignUp, cause: Cause): UserSignedUp {
  const lines = signUp.plan.lines
    .filter((line) => line.quantity > 0)
    .map(({ item, quantity, unitPriceCents }) => ({ item, quantity, unitPriceCents }));
  return {
    id: randomUUID(),
    type: 'UserSignedUp',
    version: 1,
    source: 'accounts',
    occurredAt: signUp.signedUpAt.toISOString(),
    correlationId: cause.correlationId,
    causationId: cause.commandId,
    data: {
      userId: signUp.userId,
      planId: signUp.plan.planId,
      lines,
      totalCents: lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0),
      currency: signUp.currency,
    },
  };
}
