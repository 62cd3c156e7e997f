import type pg from 'pg';

/** A switch that makes one later row written to a table fail. */
export interface InsertFault {
  /** The next row inserted into the table fails, as a lost connection or a constraint would. */
  failNext(): Promise<void>;
}

/**
 * Installs the switch in the database, so that it fails the write whatever SQL the code under
 * test uses. It counts attempts with a sequence because a sequence is not rolled back with the
 * transaction the fault aborts. `table` is the course's own table name, never user input.
 */
export async function installInsertFault(pool: pg.Pool, table: string, message: string): Promise<InsertFault> {
  const name = `course_fail_${table}`;
  await pool.query(/* sql */ `
    CREATE SEQUENCE ${name}_attempts;
    CREATE TABLE ${name}_at (failing_attempt bigint);
    INSERT INTO ${name}_at VALUES (NULL);
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF nextval('${name}_attempts') = (SELECT failing_attempt FROM ${name}_at) THEN
        RAISE EXCEPTION '%', ${pgLiteral(message)};
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}();
  `);
  return {
    async failNext() {
      await pool.query(/* sql */ `UPDATE ${name}_at SET failing_attempt = nextval('${name}_attempts') + 1`);
    },
  };
}

const pgLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;
