import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBinariesReachable, UnreachableBinariesError } from './reachable-binaries.ts';

const privateFolder = await mkdtemp(join(tmpdir(), 'course-private-'));
afterAll(() => rm(privateFolder, { recursive: true, force: true }));

describe.runIf(process.getuid?.() === 0)('makeBinariesReachable, under root', () => {
  it('says what to do when neither the binaries nor the cache for their copy can be reached', async () => {
    const packageDir = join(privateFolder, 'node_modules', 'binaries');
    await mkdir(join(packageDir, 'native', 'bin'), { recursive: true });
    await writeFile(join(packageDir, 'native', 'bin', 'postgres'), '');
    const attempt = makeBinariesReachable(join(privateFolder, 'cache'), packageDir);
    await expect(attempt).rejects.toThrow(UnreachableBinariesError);
    await expect(attempt).rejects.toThrow(/cannot reach .*Set TMPDIR to a folder every user can traverse.*COURSE_PG_URL/);
  });
});
