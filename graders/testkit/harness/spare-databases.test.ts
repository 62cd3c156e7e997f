import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { postgresAddress } from './fresh-database.ts';
import { claimSpare, replenishSpares, withAdmin } from './spare-databases.ts';

const admin = <T>(work: Parameters<typeof withAdmin<T>>[1]) => withAdmin(postgresAddress().adminUrl, work);
const exists = (name: string) =>
  admin(async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
const drop = (name: string) => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
const named = (prefix: string) =>
  admin(async (client) =>
    (await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix])).rows.map(
      (row) => row.datname,
    ),
  );

// Test files and exercise runs beside this one claim the course's shared spares at any moment,
// so each test counts spares in a pool of its own (a prefix nobody else uses).
let pool = '';
afterEach(async () => {
  await Promise.all((await named(pool)).map(drop));
});

describe('spare databases', () => {
  it('hand a ready, empty database to whoever claims one, under the name asked for', async () => {
    pool = `test_spare_${randomBytes(4).toString('hex')}_`;
    await replenishSpares(postgresAddress().adminUrl, pool);
    const name = `${pool}claimed`;
    expect(await admin((client) => claimSpare(client, name, pool))).toBe(true);
    expect(await exists(name)).toBe(true);
  });

  it('never give one spare to two claimants', async () => {
    pool = `test_spare_${randomBytes(4).toString('hex')}_`;
    await replenishSpares(postgresAddress().adminUrl, pool);
    const spares = await named(pool);
    expect(spares.length).toBe(2);
    // The claimed names do not start with the pool's prefix, so a claimed one is never re-offered.
    const names = [1, 2, 3, 4].map((n) => `race_${n}_${randomBytes(4).toString('hex')}`);
    try {
      const claims = await Promise.all(names.map((name) => admin((client) => claimSpare(client, name, pool))));
      // Two spares, four claimants at once: exactly two win, each with a database of its own.
      expect(claims.filter(Boolean)).toHaveLength(2);
      expect(await Promise.all(names.map(exists))).toEqual(claims);
      expect(await named(pool)).toEqual([]);
    } finally {
      await Promise.all(names.map(drop));
    }
  });
});
