import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';

/**
 * Makes the next `times` statements that change the outbox (UPDATE or DELETE, whichever
 * the relay uses to mark its rows) fail, as a full disk or a failover would: the relay's
 * pass fails with a database error after the broker already took its batch. A sequence
 * counts the failures because it is not rolled back with the failing transaction.
 */
export async function failOutboxWrites(db: TestDatabase, times: number): Promise<void> {
  await db.pool.query(/* sql */ `
    DROP SEQUENCE IF EXISTS course_outbox_write_failures;
    CREATE SEQUENCE course_outbox_write_failures;
    CREATE OR REPLACE FUNCTION course_fail_outbox_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF nextval('course_outbox_write_failures') <= ${Number(times)} THEN
        RAISE EXCEPTION 'could not extend file "base/16384/outbox": No space left on device' USING ERRCODE = '53100';
      END IF;
      RETURN NULL;
    END $$;
    DROP TRIGGER IF EXISTS course_fail_outbox_write ON outbox;
    CREATE TRIGGER course_fail_outbox_write BEFORE UPDATE OR DELETE ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION course_fail_outbox_write();`);
}

/** Lets the outbox be written again. */
export async function healOutboxWrites(db: TestDatabase): Promise<void> {
  await db.pool.query(/* sql */ `DROP TRIGGER IF EXISTS course_fail_outbox_write ON outbox`);
}
