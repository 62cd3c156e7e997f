-- Where each projection has got to in the log. A projection with no row starts at 0.
CREATE TABLE projection_checkpoints (
  name     text   PRIMARY KEY,
  position bigint NOT NULL
);

-- The read model: one row per customer, for the customer's order page.
CREATE TABLE customer_orders (
  customer_id   text    PRIMARY KEY,
  orders_placed integer NOT NULL,
  open_orders   integer NOT NULL,
  total_cents   bigint  NOT NULL
);
