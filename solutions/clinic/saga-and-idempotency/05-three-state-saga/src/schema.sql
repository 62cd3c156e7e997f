-- One row per trip booking saga. A saga that has decided to undo is 'compensating' until the
-- undo is done, so a restart knows to finish undoing it rather than to try again.
CREATE TABLE sagas (
  booking_id   text   PRIMARY KEY,
  amount_cents bigint NOT NULL,
  status       text   NOT NULL CHECK (status IN ('pending', 'compensating', 'completed', 'failed'))
);
