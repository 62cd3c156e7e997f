-- Where each projection has got to in the log.
CREATE TABLE projection_checkpoints (
  name     text   PRIMARY KEY,
  position bigint NOT NULL
);

-- Readers read the view; the projection writes the table behind it. A rebuild fills
-- customer_orders_2 and swaps by pointing the view at it.
CREATE TABLE customer_orders_1 (
  customer_id   text    PRIMARY KEY,
  orders_placed integer NOT NULL,
  open_orders   integer NOT NULL,
  total_cents   bigint  NOT NULL
);
CREATE VIEW customer_orders AS SELECT * FROM customer_orders_1;
