import { defineConfig } from 'vitest/config';
import { exerciseTestDefaults } from './exercise-test-defaults.ts';

/**
 * The config the grader and the self-checks pass to Vitest for one copied exercise: run
 * with `--root` at the copy, it collects that copy's tests and nothing else.
 */
export default defineConfig({
  test: {
    ...exerciseTestDefaults,
    include: ['test/**/*.test.ts'],
  },
});
