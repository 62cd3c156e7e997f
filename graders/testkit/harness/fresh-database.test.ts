import { describe, expect, it } from 'vitest';
import { freshDatabase } from './fresh-database.ts';

describe('freshDatabase', () => {
  it('gives each caller an empty database of its own on a server with logical decoding', async () => {
    await using first = await freshDatabase('first');
    await using second = await freshDatabase('second');
    expect(first.name).not.toBe(second.name);
    await first.pool.query('CREATE TABLE only_in_first (id int)');
    const seen = await second.pool.query(`SELECT to_regclass('only_in_first') AS t`);
    expect(seen.rows[0].t).toBeNull();
    const wal = await first.pool.query('SHOW wal_level');
    expect(wal.rows[0].wal_level).toBe('logical');
  });

  it('drops the database when disposed', async () => {
    const database = await freshDatabase('dropped');
    const name = database.name;
    await database[Symbol.asyncDispose]();
    await using other = await freshDatabase('observer');
    const found = await other.pool.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    expect(found.rowCount).toBe(0);
  });
});
