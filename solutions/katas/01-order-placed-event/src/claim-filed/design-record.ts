import type { DesignRecord } from '../design-record.ts';

/** The decisions around ClaimFiled. */
export function designRecord(): DesignRecord {
  return {
    topic: { name: 'claims.claim.filed.v1', convention: '<domain>.<entity>.<event>.v<version>' },
    consumers: [
      {
        service: 'fraud-screening',
        mode: 'state-transfer',
        why: 'It scores the claimed items and amounts the moment the claim lands, without a call back to intake.',
      },
      {
        service: 'adjuster-assignment',
        mode: 'notification',
        why: 'An adjuster reads the whole, current claim file anyway, so a pointer to the claim is enough.',
      },
    ],
    leftOff: {
      field: 'incidentDescription',
      reason: 'pii',
      why: 'Claimants write names, addresses and injuries into free text, and it cannot be scrubbed reliably.',
    },
    nonObviousProperty: {
      path: 'correlationId',
      why: 'A claim lives for months; one id ties filing, assessment and settlement together across services.',
    },
    outbox: {
      ddl: /* sql */ `
        CREATE TABLE claims_outbox (
          event_id     uuid PRIMARY KEY,
          topic        text NOT NULL,
          payload      jsonb NOT NULL,
          created_at   timestamptz NOT NULL DEFAULT now(),
          published_at timestamptz
        )`,
      insert: /* sql */ `INSERT INTO claims_outbox (event_id, topic, payload) VALUES ($1, $2, $3)`,
    },
  };
}
