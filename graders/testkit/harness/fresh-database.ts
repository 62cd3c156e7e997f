import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { claimSpare, createEmptyDatabase, replenishSpares, withAdmin } from './spare-databases.ts';
import type { ProviderName } from '../../services/provider-choice.ts';
import type {} from '../vitest/provided-services.ts';

/** A database of its own for one test file or property run, dropped when disposed. */
export interface TestDatabase extends AsyncDisposable {
  name: string;
  url: string;
  provider: ProviderName;
  /** A pool on the fresh database; closed on dispose. */
  pool: pg.Pool;
}

/** Where the shared PostgreSQL is, as the global setup provided it. */
export function postgresAddress(): { provider: ProviderName; adminUrl: string } {
  const address = inject('services')?.postgres;
  if (!address) {
    throw new Error(
      'This test needs PostgreSQL but the run did not start it: add "postgres" to the ' +
        '"services" of its exercise.json (or unset COURSE_NEEDS).',
    );
  }
  return address;
}

/**
 * Creates an empty database with a random name on the run's PostgreSQL. Random names keep
 * test files and parallel runs apart without any coordination between them.
 */
export async function freshDatabase(label = 'test'): Promise<TestDatabase> {
  const { provider, adminUrl } = postgresAddress();
  return createDatabase({ provider, adminUrl }, label);
}

/** The same, given the server directly: for benchmarks and tools that run outside Vitest. */
export async function createDatabase(
  { provider, adminUrl }: { provider: ProviderName; adminUrl: string },
  label = 'test',
): Promise<TestDatabase> {
  const name = `${label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 40)}_${randomBytes(5).toString('hex')}`;
  await withAdmin(adminUrl, async (admin) => {
    if (!(await claimSpare(admin, name))) await createEmptyDatabase(admin, name);
  });
  // Made while this file's tests run, ready for the next file.
  replenishSpares(adminUrl).catch(() => undefined);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  // An idle client whose server connection dies (a staged crash) must not crash the worker.
  pool.on('error', () => {});
  const drop = async () => {
    await pool.end();
    await withAdmin(adminUrl, (admin) =>
      admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
    );
  };
  return { name, url: url.toString(), provider, pool, [Symbol.asyncDispose]: drop };
}
