-- One row per stream holding its version: an append moves it from n to n + k with a
-- compare-and-set UPDATE, whose row lock makes a second writer wait and then find n gone.
CREATE TABLE streams (
  stream_id text    PRIMARY KEY,
  version   integer NOT NULL
);

-- The events, numbered within their stream; the key still refuses a duplicate version.
CREATE TABLE events (
  stream_id      text    NOT NULL REFERENCES streams,
  version        integer NOT NULL,
  type           text    NOT NULL,
  schema_version integer NOT NULL,
  data           jsonb   NOT NULL,
  PRIMARY KEY (stream_id, version)
);

CREATE TABLE snapshots (
  stream_id text    PRIMARY KEY,
  version   integer NOT NULL,
  state     jsonb   NOT NULL
);
