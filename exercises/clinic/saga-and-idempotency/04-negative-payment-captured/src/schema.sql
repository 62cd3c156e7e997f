-- The payments stream: every fact about every payment, in order, never updated or deleted.
-- Auditors, the reports and the warehouse all read it.
CREATE TABLE payment_events (
  position    bigserial   PRIMARY KEY,
  event_id    uuid        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  stream_id   text        NOT NULL,
  type        text        NOT NULL,
  data        jsonb       NOT NULL,
  recorded_at timestamptz NOT NULL
);

-- The finance read model, built from the stream: one row per payment.
CREATE TABLE payment_views (
  payment_id     text   PRIMARY KEY,
  order_id       text   NOT NULL,
  customer_id    text   NOT NULL,
  captured_cents bigint NOT NULL
);

-- How many captures the projection has seen, for the daily report.
CREATE TABLE payment_totals (
  captures bigint NOT NULL
);
INSERT INTO payment_totals VALUES (0);
