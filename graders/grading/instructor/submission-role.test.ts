import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresAddress } from '../../testkit/harness/fresh-database.ts';
import { createEmptyDatabase, withAdmin } from '../../testkit/harness/spare-databases.ts';
import { sharedAddressesVariable } from '../../testkit/vitest/global-setup.ts';
import { submissionServices } from './submission-role.ts';

const refusal = (work: Promise<unknown>) => work.then(() => 'allowed', (error: Error) => error.message);

describe("a submission's own PostgreSQL role", () => {
  it('is not a superuser, cannot make roles or raise itself, and hands its address to the test runs', async () => {
    const grader = postgresAddress();
    const own = await submissionServices({ postgres: grader }, {});
    try {
      expect(own.role).toMatch(/^learner_/);
      const address = JSON.parse(own.env[sharedAddressesVariable]!) as { postgres: { adminUrl: string } };
      expect(address.postgres.adminUrl).toBe(own.services.postgres!.adminUrl);
      await withAdmin(own.services.postgres!.adminUrl, async (learner) => {
        const me = (await learner.query('SELECT current_user AS name, rolsuper FROM pg_roles WHERE rolname = current_user')).rows[0];
        expect(me).toEqual({ name: own.role, rolsuper: false });
        expect(await refusal(learner.query(`ALTER ROLE ${own.role} SUPERUSER`))).toMatch(/permission denied|must be superuser/);
        expect(await refusal(learner.query('CREATE ROLE intruder SUPERUSER LOGIN'))).toMatch(/permission denied/);
      });
    } finally {
      await own.dispose();
    }
  });

  it("cannot connect to, drop or rename another submission's database, and can make, use and drop its own", async () => {
    const grader = postgresAddress();
    const [first, second] = [await submissionServices({ postgres: grader }, {}), await submissionServices({ postgres: grader }, {})];
    try {
      const theirs = `theirs_${second.role}`;
      await withAdmin(second.services.postgres!.adminUrl, (admin) => createEmptyDatabase(admin, theirs));
      await withAdmin(first.services.postgres!.adminUrl, async (learner) => {
        await createEmptyDatabase(learner, `mine_${first.role}`);
        expect(await refusal(learner.query(`DROP DATABASE ${theirs}`))).toMatch(/must be owner/);
        expect(await refusal(learner.query(`ALTER DATABASE ${theirs} RENAME TO stolen_${first.role}`))).toMatch(/must be owner/);
      });
      const theirUrl = new URL(first.services.postgres!.adminUrl);
      theirUrl.pathname = `/${theirs}`;
      expect(await refusal(withAdmin(theirUrl.toString(), (c) => c.query('SELECT 1')))).toMatch(/permission denied for database/);
    } finally {
      await first.dispose();
      await second.dispose();
    }
  });

  it('leaves no role, database or replication slot behind once disposed, whatever the runs left open', async () => {
    const grader = postgresAddress();
    const own = await submissionServices({ postgres: grader }, {});
    const left = `left_${own.role}`;
    await withAdmin(own.services.postgres!.adminUrl, (admin) => createEmptyDatabase(admin, left));
    const url = new URL(own.services.postgres!.adminUrl);
    url.pathname = `/${left}`;
    // Kata 2's change-data-capture relay reads a logical slot: the role may make one.
    await withAdmin(url.toString(), (learner) => learner.query(`SELECT pg_create_logical_replication_slot('slot_${own.role}', 'test_decoding')`));
    // A session still open in the database, as a killed test run leaves it.
    const open = new pg.Client({ connectionString: url.toString() });
    open.on('error', () => {});
    await open.connect();
    await own.dispose();
    await open.end().catch(() => undefined);
    await withAdmin(grader.adminUrl, async (admin) => {
      expect((await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [own.role])).rowCount).toBe(0);
      expect((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [left])).rowCount).toBe(0);
      expect((await admin.query('SELECT 1 FROM pg_replication_slots WHERE slot_name = $1', [`slot_${own.role}`])).rowCount).toBe(0);
    });
  });
});
