-- One row per event. The unique key on (stream_id, version) is what makes optimistic
-- concurrency safe: of two writers that both saw version n, only one can store n + 1.
CREATE TABLE events (
  stream_id      text        NOT NULL,
  version        integer     NOT NULL CHECK (version > 0),
  type           text        NOT NULL,
  schema_version integer     NOT NULL,
  data           jsonb       NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (stream_id, version)
);

-- The latest snapshot of each stream: the folded state as of `version`.
CREATE TABLE snapshots (
  stream_id text    PRIMARY KEY,
  version   integer NOT NULL,
  state     jsonb   NOT NULL
);
