-- The payments stream: every fact about every payment, in order, never updated or deleted.
-- Auditors, the reports and the warehouse all read it. Money in any event is a whole,
-- positive number of cents: which way it moved is said by the event's type, never its sign.
CREATE TABLE payment_events (
  position    bigserial   PRIMARY KEY,
  event_id    uuid        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  stream_id   text        NOT NULL,
  type        text        NOT NULL CHECK (type IN ('PaymentCaptured', 'PaymentRefunded')),
  data        jsonb       NOT NULL CHECK (
    jsonb_typeof(data->'amountCents') = 'number'
    AND (data->>'amountCents')::numeric > 0
    AND (data->>'amountCents')::numeric = trunc((data->>'amountCents')::numeric)
  ),
  recorded_at timestamptz NOT NULL
);

-- The finance read model, built from the stream: one row per payment.
CREATE TABLE payment_views (
  payment_id     text   PRIMARY KEY,
  order_id       text   NOT NULL,
  customer_id    text   NOT NULL,
  captured_cents bigint NOT NULL CHECK (captured_cents > 0),
  refunded_cents bigint NOT NULL DEFAULT 0 CHECK (refunded_cents BETWEEN 0 AND captured_cents)
);

-- Events the projection has folded, so that a redelivery is recognised and skipped.
CREATE TABLE projected_events (
  event_id uuid PRIMARY KEY
);
