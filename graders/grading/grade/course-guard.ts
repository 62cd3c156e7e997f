import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { listCourseFiles } from '../integrity/course-files.ts';
import { currentHashes, diffHashes, type FileChange } from '../integrity/manifest.ts';
import { gitBlobHash } from '../integrity/git-blob-hash.ts';

/**
 * Watches the course checkout's own files while learner code runs. Learner tests run in
 * copies, so any change to the checkout itself (another exercise's tests, graders/, a
 * config) was made by learner code on purpose. The guard keeps the files' content from
 * before the run in memory, and each check puts it back and removes files that appeared.
 */
export class CourseGuard {
  readonly #root: string;
  readonly #saved: Map<string, Buffer>;

  private constructor(root: string, saved: Map<string, Buffer>) {
    this.#root = root;
    this.#saved = saved;
  }

  static async watch(root: string): Promise<CourseGuard> {
    const saved = new Map<string, Buffer>();
    await Promise.all(listCourseFiles(root).map(async (file) => saved.set(file, await readFile(join(root, file)))));
    return new CourseGuard(root, saved);
  }

  /** Changes since the guard started; each one is undone before this returns. */
  async check(): Promise<FileChange[]> {
    const expected = new Map([...this.#saved].map(([file, content]) => [file, gitBlobHash(content)]));
    const changes = diffHashes(expected, await currentHashes(this.#root));
    for (const { file, change } of changes) {
      if (change === 'added') await rm(join(this.#root, file), { force: true });
      else {
        await mkdir(dirname(join(this.#root, file)), { recursive: true });
        await writeFile(join(this.#root, file), this.#saved.get(file)!);
      }
    }
    return changes;
  }
}
