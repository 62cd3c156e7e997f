import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMutantPatch, parseMutantPatch } from './mutant-patch.ts';

const patch = (body: string[]) => ['MUTANT: counts one too many.', 'Caught-by: test/count.test.ts: count › adds one', ...body, ''].join('\n');
const offByOne = patch(['--- a/src/count.ts', '+++ b/src/count.ts', '@@ -1,2 +1,2 @@', ' // count', '-export const next = (n: number) => n + 1;', '+export const next = (n: number) => n + 2;']);

async function copyWith(source: string) {
  const root = await mkdtemp(join(tmpdir(), 'mutant-patch-'));
  await mkdir(join(root, 'src'));
  await writeFile(join(root, 'src/count.ts'), source);
  const file = join(root, 'off-by-one.patch');
  return { root, file };
}

describe('a mutant patch', () => {
  it('reads its mistake and the test that catches it from the header', () => {
    expect(parseMutantPatch(offByOne, 'off-by-one.patch')).toMatchObject({
      mistake: 'counts one too many.',
      caughtBy: { file: 'test/count.test.ts', test: 'count › adds one' },
    });
  });

  it('plants its mistake in the laid-out copy', async () => {
    const { root, file } = await copyWith('// count\nexport const next = (n: number) => n + 1;\n');
    await writeFile(file, offByOne);
    applyMutantPatch(file, root);
    expect(await readFile(join(root, 'src/count.ts'), 'utf8')).toBe('// count\nexport const next = (n: number) => n + 2;\n');
  });

  it('names itself and says what to do when the reference changed under it', async () => {
    const { root, file } = await copyWith('// count\nexport const next = (n: number): number => n + 1;\n');
    await writeFile(file, offByOne);
    expect(() => applyMutantPatch(file, root)).toThrow(/off-by-one\.patch no longer applies to src\/count\.ts: the reference changed under it/);
  });

  it('refuses a path that leaves the exercise copy', async () => {
    const { root, file } = await copyWith('x\n');
    await writeFile(file, patch(['--- a/../escape.ts', '+++ b/../escape.ts', '@@ -0,0 +1 @@', '+x']));
    expect(() => applyMutantPatch(file, root)).toThrow(/is not a path inside the exercise/);
  });
});
