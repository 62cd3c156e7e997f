-- The work queue's two tables. The tests create them from this file; you may add columns
-- or indexes, but keep the table names and these columns.

-- Jobs waiting or in progress. A job is in progress while visible_at is in the future: a
-- worker claimed it and has until then to acknowledge it.
CREATE TABLE jobs (
  id          bigserial   PRIMARY KEY,
  -- What the job is about, e.g. an order id; the log side uses it as the message key.
  key         text        NOT NULL,
  payload     jsonb       NOT NULL,
  -- How many times the job has been handed to a worker.
  attempts    integer     NOT NULL DEFAULT 0,
  -- When the job may next be handed to a worker (the queue's clock, not the database's).
  visible_at  timestamptz NOT NULL
);

-- Jobs given up on after too many deliveries without an acknowledgement.
CREATE TABLE dead_letters (
  id          bigint      PRIMARY KEY,
  key         text        NOT NULL,
  payload     jsonb       NOT NULL,
  attempts    integer     NOT NULL,
  dead_at     timestamptz NOT NULL
);
