-- One row per credit to the merchant's ledger.
CREATE TABLE ledger_entries (
  entry_id     bigserial PRIMARY KEY,
  payment_id   text NOT NULL,
  order_id     text NOT NULL,
  amount_cents bigint NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);


-- Which PaymentCaptured events the ledger has credited, written in the same transaction as
-- the credit: a redelivered event finds its id here and is not credited again.
CREATE TABLE credited_payments (
  event_id    text PRIMARY KEY,
  credited_at timestamptz NOT NULL DEFAULT now()
);
