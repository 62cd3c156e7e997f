import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';
import type { Cause } from '../cause.ts';
import type { FiledClaim } from './filed-claim.ts';

export interface ClaimFiledData {
  claimId: string;
  policyId: string;
  customerId: string;
  lines: { itemCode: string; quantity: number; unitPriceCents: number }[];
  totalCents: number;
  currency: string;
}

export type ClaimFiled = EventEnvelope<'ClaimFiled', ClaimFiledData>;

/** The fact that a claimant filed a claim against a policy. */
export function claimFiled(claim: FiledClaim, cause: Cause): ClaimFiled {
  const lines = claim.items
    .filter((item) => item.quantity > 0)
    .map(({ itemCode, quantity, unitPriceCents }) => ({ itemCode, quantity, unitPriceCents }));
  return {
    id: randomUUID(),
    type: 'ClaimFiled',
    version: 1,
    source: 'claims.intake',
    occurredAt: claim.filedAt.toISOString(),
    correlationId: cause.correlationId,
    causationId: cause.commandId,
    data: {
      claimId: claim.claimId,
      policyId: claim.policyId,
      customerId: claim.claimant.customerId,
      lines,
      totalCents: lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0),
      currency: claim.currency,
    },
  };
}
