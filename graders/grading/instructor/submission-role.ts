import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withAdmin } from '../../testkit/harness/spare-databases.ts';
import { sharedAddressesVariable } from '../../testkit/vitest/global-setup.ts';
import type { ServiceAddresses } from '../../services/services.ts';

/** What one submission's test runs see of PostgreSQL: its own role, and the databases that role creates. */
export interface SubmissionServices {
  env: NodeJS.ProcessEnv;
  services: ServiceAddresses;
  /** The role the submission's tests connect as; undefined when the server could not make one. */
  role?: string;
  /** Why the submission shares the grader's role, when it does. */
  note?: string;
  /** Drops every database the role owns, then the role. */
  dispose(): Promise<void>;
}

/**
 * In a batch, every learner's tests reach the same PostgreSQL. Connected as the superuser,
 * one learner's code could drop or rewrite another's databases, or change the server for
 * everyone after it. So each submission connects as a role of its own that can create
 * databases (the tests make one per file) and nothing more than that needs: no superuser,
 * no roles, and its databases closed to every other role. REPLICATION stays because
 * Kata 2's change-data-capture relay reads a logical replication slot; it can read
 * changes, never write them.
 */
export async function submissionServices(
  services: ServiceAddresses,
  env: NodeJS.ProcessEnv,
): Promise<SubmissionServices> {
  const shared = { env, services, dispose: async () => {} };
  const postgres = services.postgres;
  if (!postgres) return shared;
  const superuser = await withAdmin(postgres.adminUrl, async (admin) =>
    (await admin.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).rows[0]?.rolsuper === true,
  );
  if (!superuser) {
    return { ...shared, note: 'the PostgreSQL given is not reached as a superuser, so submissions share its role instead of getting one each' };
  }
  const role = `learner_${randomBytes(6).toString('hex')}`;
  const password = randomBytes(18).toString('hex');
  await withAdmin(postgres.adminUrl, (admin) =>
    admin.query(
      `CREATE ROLE ${pg.escapeIdentifier(role)} LOGIN PASSWORD ${pg.escapeLiteral(password)} ` +
        'NOSUPERUSER NOCREATEROLE NOINHERIT CREATEDB REPLICATION',
    ),
  );
  const url = new URL(postgres.adminUrl);
  url.username = role;
  url.password = password;
  const ownServices: ServiceAddresses = { ...services, postgres: { ...postgres, adminUrl: url.toString() } };
  return {
    role,
    services: ownServices,
    env: { ...env, [sharedAddressesVariable]: JSON.stringify(ownServices) },
    dispose: () => dropRole(postgres.adminUrl, role),
  };
}

/** Closes the role's sessions, drops its slots, databases and anything else it owns, then the role. */
async function dropRole(adminUrl: string, role: string): Promise<void> {
  await withAdmin(adminUrl, async (admin) => {
    await admin.query('SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE usename = $1', [role]);
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = $1)',
      [role],
    );
    for (const { datname } of rows) {
      // A logical slot left in a database keeps DROP DATABASE from running.
      await admin.query('SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = $1', [datname]);
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    }
    await admin.query(`DROP OWNED BY ${pg.escapeIdentifier(role)}`);
    await admin.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(role)}`);
  });
}
