-- TODO (README "What to produce", step 1): the customer_orders read model
-- (customer_id, orders_placed, open_orders, total_cents) and a table for the projections'
-- checkpoints. event_log is given: see event-log.sql.
SELECT 'TODO: create customer_orders and the checkpoints table';
