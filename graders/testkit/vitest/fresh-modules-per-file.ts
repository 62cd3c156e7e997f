import { vi } from 'vitest';

/**
 * Set-up file of the learner's reused test worker (`isolate: false`): it runs before each test
 * file and empties the module registry, so every file imports the exercise's code afresh, as
 * it does in a graded run. Without it, state a module keeps at its top level (a counter, a
 * Set of seen ids) would carry from one test file into the next, and the watch would fail
 * tests the grade passes, or pass tests it fails. Packages stay loaded (Vitest leaves
 * node_modules out of the reset), which is what keeps the worker quick. The self-check's
 * shared worker (batch-worker.ts) uses it for the same reason, between the files of its copies.
 */
vi.resetModules();
