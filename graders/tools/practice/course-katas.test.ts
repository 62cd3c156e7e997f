import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../grading/runner/repo-paths.ts';
import { curriculumPaths, loadKata } from './practice-katas.ts';

const katas = curriculumPaths(repoRoot).filter((path) => path.startsWith('katas/'));

describe.each(katas)('practice mode on %s', (path) => {
  it('has a time limit and a "repeat until" target to log attempts against', () => {
    const { meta } = loadKata(repoRoot, path);
    expect(meta.timeLimitMinutes).toBeGreaterThan(0);
    expect(meta.repeatUntil, `exercises/${path}/exercise.json needs "repeatUntil" (the kata's fluency target)`).toBeDefined();
    expect(meta.repeatUntil!.minutes).toBeLessThanOrEqual(meta.timeLimitMinutes);
  });

  it('names only files and tests that exist in each variant', () => {
    const { meta, folder } = loadKata(repoRoot, path);
    const missing = meta.variants.flatMap((variant) => [
      ...(variant.files ?? []).map((file) => join('src', file)),
      ...(variant.tests ?? []).map((file) => join('test', file)),
    ].filter((file) => !existsSync(join(folder, file))).map((file) => `${variant.name}: ${file}`));
    expect(missing, `exercises/${path}/exercise.json lists files that are not there`).toEqual([]);
  });
});
