import { describe, expect, it } from 'vitest';
import { repoRoot } from '../runner/repo-paths.ts';
import { compareShippedWithManifest, compareWithManifest, readManifest, regenerateCommand } from './manifest.ts';

describe('graders/grading/integrity/manifest.json', () => {
  it('records every course-owned file exactly as it is in the repository', async () => {
    const manifest = readManifest(repoRoot);
    expect(manifest, `the manifest is missing; create it with \`${regenerateCommand}\``).toBeDefined();
    const changes = await compareWithManifest(repoRoot, manifest!);
    const listed = changes.map(({ file, change }) => `${change}: ${file}`).join('\n');
    expect(changes, `the manifest is out of date; run \`${regenerateCommand}\`. Differences:\n${listed}`).toEqual([]);
  });

  it("records every clinic item's shipped mistake exactly as the starter holds it", async () => {
    const changes = await compareShippedWithManifest(repoRoot, readManifest(repoRoot)!);
    const listed = changes.map(({ file, change }) => `${change}: ${file}`).join('\n');
    expect(changes, `the manifest's shipped mistakes are out of date; run \`${regenerateCommand}\`. Differences:\n${listed}`).toEqual([]);
  });
});
