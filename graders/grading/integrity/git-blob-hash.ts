import { createHash } from 'node:crypto';

/**
 * The SHA-1 git gives a file's content as a blob object. Using git's own hash lets the
 * grader ask any clone of the course for the pristine content by hash (`git cat-file`),
 * whatever commit the learner is on.
 */
export function gitBlobHash(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.byteLength}\0`).update(content).digest('hex');
}
