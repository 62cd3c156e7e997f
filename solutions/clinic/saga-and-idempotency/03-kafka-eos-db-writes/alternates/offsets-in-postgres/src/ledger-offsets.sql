-- The next offset to credit, per partition of the payments topic, advanced in the same
-- transaction as each credit: a redelivered record lies below it and is not credited again.
CREATE TABLE ledger_offsets (
  topic       text NOT NULL,
  partition   integer NOT NULL,
  next_offset bigint NOT NULL,
  PRIMARY KEY (topic, partition)
);
