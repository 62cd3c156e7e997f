import { defineConfig } from 'vitest/config';
import { exerciseTestDefaults } from './graders/testkit/vitest/exercise-test-defaults.ts';

/**
 * Two projects: `exercises` is what learners run (`npm run watch`, `npm run ui`), `graders`
 * is the repository's own tests. Per-run copies under .course/ belong to the grader and
 * are never collected from here.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...exerciseTestDefaults,
          name: 'exercises',
          include: ['exercises/**/test/**/*.test.ts'],
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
