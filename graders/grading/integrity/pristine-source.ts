import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gitBlobHash } from './git-blob-hash.ts';

/**
 * Finds the course's own content of a file by its hash: the file on disk when it still
 * matches, else the blob from the git object store of any of the given checkouts (a clone
 * of the course or of its template holds every published version). Undefined when no copy
 * can be found: the caller must not trust the changed file instead.
 */
export async function pristineContent(
  file: string,
  hash: string,
  roots: readonly string[],
): Promise<Buffer | undefined> {
  for (const root of roots) {
    const path = join(root, file);
    if (existsSync(path)) {
      const content = await readFile(path);
      if (gitBlobHash(content) === hash) return content;
    }
  }
  for (const root of roots) {
    const blob = await gitBlob(root, hash);
    if (blob && gitBlobHash(blob) === hash) return blob;
  }
  return undefined;
}

function gitBlob(root: string, hash: string): Promise<Buffer | undefined> {
  if (!existsSync(join(root, '.git'))) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', root, 'cat-file', 'blob', hash],
      { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: 10_000 },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
}
