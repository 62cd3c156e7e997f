// MUTANT: The outbox has no key on the event id, so the same event can be stored twice.
import type { DesignRecord } from '../design-record.ts';

/** The decisions around OrderPlaced. */
export function designRecord(): DesignRecord {
  return {
    topic: { name: 'checkout.order.placed.v1', convention: '<domain>.<entity>.<event>.v<version>' },
    consumers: [
      {
        service: 'fulfilment',
        mode: 'state-transfer',
        why: 'It picks and packs from the lines and must keep working while checkout is down, so the event carries them.',
      },
      {
        service: 'order-emails',
        mode: 'notification',
        why: 'It only needs to know that an order exists; it fetches the current email address from the customer service when it sends.',
      },
    ],
    leftOff: {
      field: 'email',
      reason: 'pii',
      why: 'Every subscriber and every replay would hold a copy that no deletion request could reach.',
    },
    nonObviousProperty: {
      path: 'causationId',
      why: 'It links the event to the PlaceOrder command, so a duplicate command shows up as two events with one cause.',
    },
    outbox: {
      ddl: /* sql */ `
        CREATE TABLE outbox (
          event_id     uuid NOT NULL,
          topic        text NOT NULL,
          payload      jsonb NOT NULL,
          created_at   timestamptz NOT NULL DEFAULT now(),
          published_at timestamptz
        )`,
      insert: /* sql */ `INSERT INTO outbox (event_id, topic, payload) VALUES ($1, $2, $3)`,
    },
  };
}
