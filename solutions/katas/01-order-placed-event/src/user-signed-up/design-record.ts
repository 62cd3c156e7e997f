import type { DesignRecord } from '../design-record.ts';

/** The decisions around UserSignedUp. */
export function designRecord(): DesignRecord {
  return {
    topic: { name: 'accounts.user.signed-up.v1', convention: '<domain>.<entity>.<event>.v<version>' },
    consumers: [
      {
        service: 'billing',
        mode: 'state-transfer',
        why: 'It raises the first invoice from the plan lines and must not depend on accounts being up to do it.',
      },
      {
        service: 'welcome-emails',
        mode: 'notification',
        why: 'It looks the address up by user id when it sends, so a corrected address is the one used.',
      },
    ],
    leftOff: {
      field: 'passwordHash',
      reason: 'secret',
      why: 'A hash on a topic can be copied by every consumer and cracked offline; no consumer needs it.',
    },
    nonObviousProperty: {
      path: 'causationId',
      why: 'It names the SignUp command, so support can tell a retried form submission from a second account.',
    },
    outbox: {
      ddl: /* sql */ `
        CREATE TABLE outbox (
          event_id     uuid PRIMARY KEY,
          topic        text NOT NULL,
          payload      jsonb NOT NULL,
          created_at   timestamptz NOT NULL DEFAULT now(),
          published_at timestamptz
        )`,
      insert: /* sql */ `INSERT INTO outbox (event_id, topic, payload) VALUES ($1, $2, $3)`,
    },
  };
}
