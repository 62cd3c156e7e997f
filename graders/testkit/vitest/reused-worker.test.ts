import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const courseRoot = fileURLToPath(new URL('../../../', import.meta.url));
const projectsModule = fileURLToPath(new URL('./exercise-projects.ts', import.meta.url));
const run = promisify(execFile);
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/**
 * An exercise whose code keeps a counter at module level, and three test files that each
 * expect to be the first to count: they pass only if every file imports the code afresh.
 */
async function counterExercise(settings: 'as the watch runs' | 'without the fresh-modules set-up'): Promise<string> {
  // Under the course root, so that the fixture resolves vitest from the course's node_modules.
  await mkdir(join(courseRoot, '.course'), { recursive: true });
  const root = await mkdtemp(join(courseRoot, '.course', 'reused-worker-'));
  made.push(root);
  await mkdir(join(root, 'src'));
  await mkdir(join(root, 'test'));
  await writeFile(join(root, 'src', 'counter.ts'), 'let count = 0;\nexport const bump = () => ++count;\n');
  for (const name of ['first', 'second', 'third']) {
    await writeFile(join(root, 'test', `${name}.test.ts`), [
      "import { expect, it } from 'vitest';",
      "import { bump } from '../src/counter.ts';",
      "it('counts from one', () => expect(bump()).toBe(1));",
    ].join('\n'));
  }
  const overrides = settings === 'as the watch runs' ? '' : ', setupFiles: []';
  await writeFile(join(root, 'vitest.config.ts'), [
    "import { defineConfig } from 'vitest/config';",
    `import { reusedWorkerSettings } from ${JSON.stringify(projectsModule)};`,
    `export default defineConfig({ test: { ...reusedWorkerSettings, include: ['test/*.test.ts']${overrides} } });`,
  ].join('\n'));
  return root;
}

async function failedTests(root: string): Promise<number> {
  const vitest = join(courseRoot, 'node_modules', 'vitest', 'vitest.mjs');
  const report = join(root, 'report.json');
  // Vitest exits non-zero when a test fails; the report says how many did.
  await run(process.execPath, [vitest, 'run', '--root', root, '--reporter=json', `--outputFile=${report}`], { cwd: root }).catch(() => undefined);
  const { numFailedTests, numTotalTests } = JSON.parse(await readFile(report, 'utf8')) as { numFailedTests: number; numTotalTests: number };
  expect(numTotalTests).toBe(3);
  return numFailedTests;
}

describe("the learner's reused test worker (exercises without services, npm run watch)", () => {
  it('imports the exercise code afresh for each test file, so module state never leaks between files', async () => {
    expect(await failedTests(await counterExercise('as the watch runs'))).toBe(0);
  });

  it('would leak it without the fresh-modules set-up file (the check above is real)', async () => {
    expect(await failedTests(await counterExercise('without the fresh-modules set-up'))).toBe(2);
  });
});
