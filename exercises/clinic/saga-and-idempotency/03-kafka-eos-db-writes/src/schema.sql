-- One row per credit to the merchant's ledger.
CREATE TABLE ledger_entries (
  entry_id     bigserial PRIMARY KEY,
  payment_id   text NOT NULL,
  order_id     text NOT NULL,
  amount_cents bigint NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

