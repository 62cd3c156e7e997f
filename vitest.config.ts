import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { exerciseFoldersByServices, reusedWorkerSettings } from './graders/testkit/vitest/exercise-projects.ts';
import { exerciseTestDefaults } from './graders/testkit/vitest/exercise-test-defaults.ts';

const courseRoot = fileURLToPath(new URL('.', import.meta.url));
const { withServices, without } = exerciseFoldersByServices(courseRoot);
const testsOf = (folders: string[]) => folders.map((folder) => `${folder}/test/**/*.test.ts`);

/**
 * What learners run (`npm run watch`, `npm run ui`: projects `exercises-*`) and the
 * repository's own tests (`graders`). Exercises without services share one reused test
 * worker, a thread (a re-run after a save forks no process per test file; each file still
 * imports the exercise's code afresh); those with services keep
 * a fresh worker per file, since their tests hold connections and per-file databases. Per-run
 * copies under .course/ belong to the grader and are never collected from here.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...exerciseTestDefaults,
          name: 'exercises-without-services',
          include: testsOf(without),
          ...reusedWorkerSettings,
        },
      },
      {
        test: {
          ...exerciseTestDefaults,
          name: 'exercises-with-services',
          include: testsOf(withServices),
        },
      },
      {
        test: {
          ...exerciseTestDefaults,
          name: 'graders',
          include: ['graders/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/fixtures/**'],
        },
      },
    ],
  },
});
