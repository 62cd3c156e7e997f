import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

/**
 * Settings every run of exercise tests shares, whether a learner runs them from the root
 * config or the grader runs one copied exercise. Property tests against a real database
 * take seconds, not milliseconds, hence the generous per-test timeout; the grader still
 * bounds each exercise as a whole.
 */
export const exerciseTestDefaults = {
  globalSetup: [fileURLToPath(new URL('./global-setup.ts', import.meta.url))],
  setupFiles: [fileURLToPath(new URL('./fast-check-setup.ts', import.meta.url))],
  testTimeout: 60_000,
  hookTimeout: 60_000,
  // Tests report and never retry: a flaky test is a bug to find, not to hide.
  retry: 0,
  // kafkajs 2.2.4 schedules a negative timeout on Node 24 and Node warns on every run
  // (kafkajs issue 1751, harmless: Node clamps it to 1 ms). The course pins kafkajs, so
  // the warning is silenced rather than shown to every learner.
  execArgv: ['--disable-warning=TimeoutNegativeWarning'],
} satisfies NonNullable<ViteUserConfig['test']>;
