import { lstat } from 'node:fs/promises';

/**
 * Whether a learner's file is there but is no regular file (a symbolic link, a pipe, a
 * folder). A log is read by the grader, possibly as root: a link could make it quote a file
 * the learner cannot read into their report, and a pipe could block the read forever.
 */
export async function isIrregularFile(file: string): Promise<boolean> {
  const stats = await lstat(file).catch(() => undefined);
  return stats !== undefined && !stats.isFile();
}

export const irregularMessage = (file: string) => `${file} is not a regular file (a link, a pipe or a folder): it was not read; commit it as a plain file.`;
