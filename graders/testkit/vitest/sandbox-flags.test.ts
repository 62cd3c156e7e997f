import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reproductionTestFile, sandboxFlags } from './sandbox-flags.ts';

const workDir = await mkdtemp(join(tmpdir(), 'sandbox-flags-'));
afterAll(() => rm(workDir, { recursive: true, force: true }));

/** A copy whose one test file (at `file`) starts a child process. */
async function copyStartingAProcessIn(file: string): Promise<string> {
  const root = join(workDir, file.replaceAll('/', '_'));
  await mkdir(join(root, 'test'), { recursive: true });
  await writeFile(join(root, 'test', 'course.test.ts'), 'export {};\n');
  await writeFile(join(root, file), `import { spawn } from 'node:child_process';\nexport const start = spawn;\n`);
  return root;
}

describe("a graded copy's sandbox", () => {
  it('allows child processes when a course test starts one', async () => {
    expect(sandboxFlags(await copyStartingAProcessIn('test/relay-process.test.ts'))).toContain('--allow-child-process');
  });

  it("never lets a learner's reproduction turn child processes on", async () => {
    const flags = sandboxFlags(await copyStartingAProcessIn(reproductionTestFile));
    expect(flags).toContain('--permission');
    expect(flags).not.toContain('--allow-child-process');
  });
});
