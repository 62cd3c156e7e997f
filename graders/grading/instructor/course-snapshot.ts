import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { listCourseFiles } from '../integrity/course-files.ts';
import type { Manifest } from '../integrity/manifest.ts';
import { pristineContent } from '../integrity/pristine-source.ts';

/**
 * Writes the course's own files (as the manifest records them, else as they are) into a
 * folder of their own. Each submission is graded against its own snapshot, so code under
 * test that writes into "the course" reaches only that learner's snapshot and is caught
 * there, never another learner's grade. The folder must sit inside the course checkout so
 * that copies below it resolve the course's node_modules.
 */
export async function writeCourseSnapshot(courseRoot: string, manifest: Manifest | undefined, into: string): Promise<void> {
  await rm(into, { recursive: true, force: true });
  const files = manifest ? Object.entries(manifest.files) : listCourseFiles(courseRoot).map((file) => [file, ''] as const);
  await Promise.all(
    files.map(async ([file, hash]) => {
      const content = hash ? await pristineContent(file, hash, [courseRoot]) : await readFile(join(courseRoot, file));
      if (!content) {
        throw new Error(`${file} differs from graders/grading/integrity/manifest.json and no copy of it is in git: restore it before grading submissions.`);
      }
      await mkdir(dirname(join(into, file)), { recursive: true });
      await writeFile(join(into, file), content);
    }),
  );
}
