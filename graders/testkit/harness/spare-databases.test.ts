import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { postgresAddress } from './fresh-database.ts';
import { claimSpare, replenishSpares, withAdmin } from './spare-databases.ts';

const exists = (name: string) =>
  withAdmin(postgresAddress().adminUrl, async (admin) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
const drop = (name: string) => withAdmin(postgresAddress().adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

describe('spare databases', () => {
  it('hand a ready, empty database to whoever claims one, under the name asked for', async () => {
    const { adminUrl } = postgresAddress();
    await replenishSpares(adminUrl);
    const name = `claimed_${randomBytes(4).toString('hex')}`;
    const claimed = await withAdmin(adminUrl, (admin) => claimSpare(admin, name));
    try {
      expect(claimed).toBe(true);
      expect(await exists(name)).toBe(true);
    } finally {
      await drop(name);
    }
  });

  it('never give one spare to two claimants', async () => {
    const { adminUrl } = postgresAddress();
    await replenishSpares(adminUrl);
    const names = [1, 2, 3, 4].map((n) => `race_${n}_${randomBytes(4).toString('hex')}`);
    const claims = await Promise.all(names.map((name) => withAdmin(adminUrl, (admin) => claimSpare(admin, name))));
    try {
      const present = await Promise.all(names.map(exists));
      // Each claim that succeeded got a database of its own; no claim got one that another holds.
      expect(present).toEqual(claims);
      expect(claims.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    } finally {
      await Promise.all(names.map(drop));
    }
  });
});
