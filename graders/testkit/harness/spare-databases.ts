import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * CREATE DATABASE copies a template's files: tens of milliseconds on a quiet disk, hundreds
 * on a busy one. Renaming a database is one catalog update. So empty databases are made
 * ahead of time ("spares"), and a test file renames one instead of waiting for a copy.
 * Spares are empty, from template0, with no connections, so any run may take any of them;
 * on a server of your own (COURSE_PG_URL) a couple stay behind between runs, to be reused.
 */
const sparePrefix = 'course_spare_';
// Every process on one server shares the spares under sparePrefix; a test that counts spares
// passes a prefix of its own so that a concurrent test file cannot take them first.
const sparesWanted = 2;

export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An empty database from template0, the slow way. */
export async function createEmptyDatabase(admin: pg.Client, name: string): Promise<void> {
  // FILE_COPY avoids WAL-logging every page of the template: faster on a test server.
  // Servers before 15 know only the one strategy.
  const version = Number((await admin.query<{ v: string }>('SHOW server_version_num')).rows[0]!.v);
  const strategy = version >= 150_000 ? ' STRATEGY FILE_COPY' : '';
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE template0${strategy}`);
  // Only its owner (and a superuser) may connect: in a batch, another learner's role may not.
  await admin.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${pg.escapeIdentifier(name)} FROM PUBLIC`);
}

/** Spares of the connected role only: a role may rename only the databases it owns. */
const ownSpares = /* sql */ `starts_with(datname, $1) AND datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user)`;

/** Renames a spare to `name`; false when there is none (or others took them all first). */
export async function claimSpare(admin: pg.Client, name: string, prefix = sparePrefix): Promise<boolean> {
  const { rows } = await admin.query<{ datname: string }>(
    /* sql */ `SELECT datname FROM pg_database WHERE ${ownSpares} ORDER BY datname`,
    [prefix],
  );
  for (const { datname } of rows) {
    try {
      await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(datname)} RENAME TO ${pg.escapeIdentifier(name)}`);
      return true;
    } catch {
      // Another test file renamed it a moment ago: try the next.
    }
  }
  return false;
}

/** Makes spares until there are a couple. Run in the background: a failure only means no spare. */
export async function replenishSpares(adminUrl: string, prefix = sparePrefix): Promise<void> {
  await withAdmin(adminUrl, async (admin) => {
    const { rows } = await admin.query<{ n: number }>(
      /* sql */ `SELECT count(*)::int AS n FROM pg_database WHERE ${ownSpares}`,
      [prefix],
    );
    for (let missing = sparesWanted - rows[0]!.n; missing > 0; missing--) {
      await createEmptyDatabase(admin, `${prefix}${randomBytes(6).toString('hex')}`);
    }
  });
}
