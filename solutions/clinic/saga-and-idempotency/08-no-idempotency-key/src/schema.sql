-- One row per charge the provider made for an order; finance reconciles it with the provider.
CREATE TABLE payments (
  charge_id    text        PRIMARY KEY,
  order_id     text        NOT NULL,
  amount_cents bigint      NOT NULL CHECK (amount_cents > 0),
  paid_at      timestamptz NOT NULL
);

-- One row per payment the service has asked the provider for, written before the first call,
-- so every call for it, after a timeout or a restart, carries the same idempotency key.
-- A declined attempt is settled: paying again after it is a new payment with a new key.
CREATE TABLE payment_attempts (
  idempotency_key text        PRIMARY KEY,
  order_id        text        NOT NULL,
  amount_cents    bigint      NOT NULL CHECK (amount_cents > 0),
  card            text        NOT NULL,
  status          text        NOT NULL CHECK (status IN ('pending', 'succeeded', 'declined')),
  created_at      timestamptz NOT NULL
);
