-- TODO: the event store's tables (README "What to produce", step 3):
-- an events table (stream, version, type, schema version, data as jsonb) whose keys make two
-- writers unable to store the same version of a stream, and a snapshots table.
SELECT 'TODO: create the events and snapshots tables';
