-- One row per trip booking saga.
CREATE TABLE sagas (
  booking_id text PRIMARY KEY,
  status     text NOT NULL CHECK (status IN ('pending', 'completed', 'failed'))
);
