import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { exerciseTestDefaults } from './exercise-test-defaults.ts';
import { sandboxFlags, sandboxVariable } from './sandbox-flags.ts';

/**
 * The config the grader and the self-checks pass to Vitest for one copied exercise: run
 * with `--root` at the copy, it collects that copy's tests and nothing else.
 */
export default defineConfig({
  test: {
    ...exerciseTestDefaults,
    include: ['test/**/*.test.ts'],
    // The integrity guard last, after the course's own set-up, before any test file loads.
    setupFiles: [...exerciseTestDefaults.setupFiles, fileURLToPath(new URL('./integrity-guard.ts', import.meta.url))],
    execArgv: [...exerciseTestDefaults.execArgv, ...sandboxFlags(process.env[sandboxVariable])],
  },
});
