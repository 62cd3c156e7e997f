-- A second correct design: different names, lines in their own table, the event id as the
-- outbox key with a sequence for order, and a dedup record per consumer and event, taken
-- under an advisory lock instead of a primary key conflict.
CREATE TABLE orders (
  id           text PRIMARY KEY,
  customer     text NOT NULL,
  currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  total_minor  bigint NOT NULL,
  cancelled_at timestamptz,
  created_at   timestamptz NOT NULL
);

CREATE TABLE order_lines (
  order_id    text NOT NULL REFERENCES orders (id),
  position    int NOT NULL,
  sku         text NOT NULL,
  quantity    int NOT NULL CHECK (quantity > 0),
  unit_minor  bigint NOT NULL CHECK (unit_minor >= 0),
  PRIMARY KEY (order_id, position)
);

CREATE TABLE outbox (
  event_id      uuid PRIMARY KEY,
  seq           bigserial NOT NULL UNIQUE,
  message_key   text NOT NULL,
  envelope      jsonb NOT NULL,
  published_at  timestamptz,
  failures      int NOT NULL DEFAULT 0,
  retry_after   timestamptz
);

CREATE INDEX outbox_waiting ON outbox (seq) WHERE published_at IS NULL;

CREATE TABLE processed_events (
  handler     text NOT NULL,
  event_id    uuid NOT NULL,
  handled_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (handler, event_id)
);
