import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../grading/runner/repo-paths.ts';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const ciRun = readFileSync(join(repoRoot, '.ci', 'run'), 'utf8');
const quickStart = readme.split(/^## /m).find((section) => section.startsWith('Quick start')) ?? '';
const quickStartCommands = [...quickStart.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) =>
  block[1]!.split('\n').filter((line) => line.trim()),
);
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('the README quick start', () => {
  it('has exactly two commands: install and grade, then the repository tests', () => {
    expect(quickStartCommands).toEqual(['npm install && npm run grade', 'npm test']);
  });

  it('is what CI runs: .ci/run installs and then runs the same test command', () => {
    const ciCommands = ciRun.split('\n').filter((line) => /^npm (ci|test)\b/.test(line));
    expect(ciCommands).toEqual(['npm ci --no-audit --no-fund', quickStartCommands[1]]);
  });

  it('names only npm scripts that exist', () => {
    const used = [...readme.matchAll(/npm run ([a-z:-]+)/g)].map((match) => match[1]!);
    expect(used.filter((script) => !(script in packageJson.scripts))).toEqual([]);
  });
});
