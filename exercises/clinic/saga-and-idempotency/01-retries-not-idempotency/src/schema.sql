-- Units on the shelf that no order holds yet.
CREATE TABLE stock (
  sku       text    PRIMARY KEY,
  available integer NOT NULL CHECK (available >= 0)
);

-- One row per unit count held for an order; the warehouse picks from this table.
CREATE TABLE reservations (
  reservation_id uuid        PRIMARY KEY,
  order_id       text        NOT NULL,
  sku            text        NOT NULL REFERENCES stock (sku),
  quantity       integer     NOT NULL CHECK (quantity > 0),
  reserved_at    timestamptz NOT NULL
);
