-- One row per order, with what the customer was asked to pay.
CREATE TABLE orders (
  order_id     text   PRIMARY KEY,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0)
);

-- What happened to each order's payment, one fact per row, never updated or deleted. A
-- compensation is a fact of its own (PaymentRefunded) written after the capture it offsets.
CREATE TABLE payment_history (
  id           bigserial   PRIMARY KEY,
  order_id     text        NOT NULL REFERENCES orders,
  payment_id   text        NOT NULL,
  kind         text        NOT NULL CHECK (kind IN ('PaymentCaptured', 'PaymentDeclined', 'PaymentRefunded')),
  amount_cents bigint      NOT NULL CHECK (amount_cents >= 0),
  recorded_at  timestamptz NOT NULL
);

-- A payment is refunded once, however often its compensation runs.
CREATE UNIQUE INDEX payment_refunded_once ON payment_history (payment_id) WHERE kind = 'PaymentRefunded';
