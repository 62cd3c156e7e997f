-- The wallet ledger: one row per credit.
CREATE TABLE ledger_entries (
  event_id     uuid        NOT NULL,
  account_id   text        NOT NULL,
  amount_cents bigint      NOT NULL CHECK (amount_cents > 0),
  recorded_at  timestamptz NOT NULL
);

-- Events this consumer has applied, so a redelivery is recognised.
CREATE TABLE processed_events (
  event_id   uuid        PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
