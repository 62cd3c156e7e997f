import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listCourseFiles, listShippedFiles, manifestPath } from './course-files.ts';
import { gitBlobHash } from './git-blob-hash.ts';

/** The course's own files and their git blob hashes, as the course published them. */
export interface Manifest {
  version: 1;
  algorithm: 'git-blob-sha1';
  files: Record<string, string>;
  /** Clinic items' shipped mistakes (learner-owned `src/` files), by the same hash. */
  shipped?: Record<string, string>;
}

export interface FileChange {
  file: string;
  change: 'modified' | 'deleted' | 'added';
}

export const regenerateCommand = 'npm run manifest';

/** Hashes every course-owned file under `root`. */
export async function buildManifest(root: string): Promise<Manifest> {
  const files: Record<string, string> = {};
  const shipped: Record<string, string> = {};
  for (const file of listCourseFiles(root)) files[file] = gitBlobHash(await readFile(join(root, file)));
  for (const file of listShippedFiles(root)) shipped[file] = gitBlobHash(await readFile(join(root, file)));
  return { version: 1, algorithm: 'git-blob-sha1', files, ...(Object.keys(shipped).length > 0 ? { shipped } : {}) };
}

export function renderManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 1)}\n`;
}

/** The manifest a checkout carries, or undefined when it has none. */
export function readManifest(root: string): Manifest | undefined {
  const file = join(root, manifestPath);
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
  if (parsed.version !== 1 || parsed.algorithm !== 'git-blob-sha1' || typeof parsed.files !== 'object' || (parsed.shipped !== undefined && typeof parsed.shipped !== 'object')) {
    throw new Error(`${manifestPath} is not a version 1 manifest; regenerate it with \`${regenerateCommand}\`.`);
  }
  return parsed as Manifest;
}

/** Hashes of the course-owned files as they are now under `root`. */
export async function currentHashes(root: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  await Promise.all(
    listCourseFiles(root).map(async (file) => hashes.set(file, gitBlobHash(await readFile(join(root, file))))),
  );
  return hashes;
}

/** Clinic items' shipped mistakes under `root` that differ from the manifest's record of them. */
export async function compareShippedWithManifest(root: string, manifest: Manifest): Promise<FileChange[]> {
  const now = new Map<string, string>();
  for (const file of listShippedFiles(root)) now.set(file, gitBlobHash(await readFile(join(root, file))));
  return diffHashes(new Map(Object.entries(manifest.shipped ?? {})), now);
}

/** Every course-owned file under `root` that differs from the manifest, sorted by path. */
export async function compareWithManifest(root: string, manifest: Manifest): Promise<FileChange[]> {
  return diffHashes(new Map(Object.entries(manifest.files)), await currentHashes(root));
}

export function diffHashes(expected: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string>): FileChange[] {
  const changes: FileChange[] = [];
  for (const [file, hash] of expected) {
    const now = actual.get(file);
    if (now === undefined) changes.push({ file, change: 'deleted' });
    else if (now !== hash) changes.push({ file, change: 'modified' });
  }
  for (const file of actual.keys()) if (!expected.has(file)) changes.push({ file, change: 'added' });
  return changes.sort((a, b) => a.file.localeCompare(b.file));
}
