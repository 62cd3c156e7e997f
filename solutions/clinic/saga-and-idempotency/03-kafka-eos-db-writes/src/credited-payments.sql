-- Which PaymentCaptured events the ledger has credited, written in the same transaction as
-- the credit: a redelivered event finds its id here and is not credited again.
CREATE TABLE credited_payments (
  event_id    text PRIMARY KEY,
  credited_at timestamptz NOT NULL DEFAULT now()
);
