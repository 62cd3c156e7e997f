import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import variantRun from '../../../testkit/vitest/variant-run.config.ts';
import { mark } from './split-marks.ts';

mark('config loaded');
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const base = variantRun.test!;

/**
 * The grader's config for one copy, unchanged but for marks: a global set-up on each side of
 * the course's, a set-up file ahead of the course's in the worker (the bench adds a reporter
 * on the command line). Used by `npm run bench -- selfcheck-split` only.
 */
export default defineConfig({
  ...variantRun,
  test: {
    ...base,
    globalSetup: [here('./global-start.ts'), ...(base.globalSetup as string[]), here('./global-end.ts')],
    setupFiles: [here('./worker-marks.ts'), ...(base.setupFiles as string[])],
  },
});
