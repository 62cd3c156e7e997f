-- One row per order, with what the customer was asked to pay.
CREATE TABLE orders (
  order_id     text   PRIMARY KEY,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0)
);

-- The payment step's row: what the provider did with the order's payment.
CREATE TABLE payments (
  id           bigserial   PRIMARY KEY,
  order_id     text        NOT NULL REFERENCES orders,
  payment_id   text        NOT NULL,
  status       text        NOT NULL CHECK (status IN ('captured', 'declined')),
  amount_cents bigint      NOT NULL CHECK (amount_cents >= 0),
  recorded_at  timestamptz NOT NULL
);
