-- One row per charge the provider made for an order; finance reconciles it with the provider.
CREATE TABLE payments (
  charge_id    text        PRIMARY KEY,
  order_id     text        NOT NULL,
  amount_cents bigint      NOT NULL CHECK (amount_cents > 0),
  paid_at      timestamptz NOT NULL
);
