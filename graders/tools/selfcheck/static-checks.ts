import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { checkCurriculum, type CourseFolders, CourseRuleError, type Exercise, loadExercise } from '../../grading/runner/exercise-catalog.ts';
import { mutantPatchFile, parseMutantPatch } from '../../grading/runner/mutant-patch.ts';
import { repoRoot } from '../../grading/runner/repo-paths.ts';
import type { CheckResult, VariantCheck } from './exercise-checks.ts';
import { runTool, tools } from './tool-runs.ts';

/** Curriculum and every exercise's metadata and files; the exercises that pass go on. */
export function catalogChecks(folders?: CourseFolders): { results: CheckResult[]; exercises: Exercise[] } {
  let paths: string[];
  const results: CheckResult[] = [];
  try {
    const curriculum = checkCurriculum(folders);
    paths = curriculum.listed;
    results.push(
      curriculum.problems.length === 0
        ? { title: 'curriculum lists every exercise folder once', ok: true, detail: `${paths.length} exercises` }
        : { title: 'curriculum', ok: false, detail: curriculum.problems.join('\n') },
    );
  } catch (error) {
    return { results: [failure('curriculum', error)], exercises: [] };
  }
  const exercises: Exercise[] = [];
  for (const path of paths) {
    try {
      const exercise = loadExercise(path, folders);
      for (const name of exercise.mutants) parseMutantPatch(readFileSync(mutantPatchFile(exercise.solutionFolder!, name), 'utf8'), `solutions/${path}/mutants/${name}.patch`);
      exercises.push(exercise);
      const parts = exercise.solutionFolder ? 'metadata, README, starter, reference and mutants' : 'metadata, README and starter';
      results.push({ title: `${path}: ${parts} present`, ok: true, detail: exercise.meta.title });
    } catch (error) {
      results.push(failure(`${path}: exercise contract`, error));
    }
  }
  return { results, exercises };
}

export function filesBelow(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

/** The whole repository type-checks: starters, tests, references and graders. */
export async function typecheckRepository(project = 'tsconfig.json'): Promise<CheckResult> {
  // --pretty false: the errors are read line by line as file(line,col), which tsc prints in
  // colour and another layout whenever FORCE_COLOR is set (to anything, "0" included).
  const run = await runTool(tools.tsc, ['--noEmit', '--pretty', 'false', '-p', project]);
  return run.code === 0
    ? { title: 'TypeScript: the repository type-checks (starters, tests, graders)', ok: true, detail: 'tsc --noEmit' }
    : {
        title: 'TypeScript: the repository type-checks',
        ok: false,
        detail: `${run.output.trim()}\nFix these types: every starter must type-check before a learner touches it.`,
      };
}

/**
 * References, alternates and mutants hold only the files that differ from the starter, so
 * their imports resolve only once laid over it: they are type-checked in those copies. A
 * mutant that does not type-check is marked on its own check (it "does not load"), so the
 * author reads it on the mutant's line; errors in references fail this check.
 */
export async function typecheckLaidOutCopies(runDir: string, checks: VariantCheck[]): Promise<CheckResult> {
  const title = `TypeScript: ${checks.length} references and mutants type-check when laid over their starters`;
  if (checks.length === 0) return { title, ok: true, detail: 'nothing to check' };
  await mkdir(runDir, { recursive: true });
  const config = join(runDir, 'tsconfig.solutions.json');
  await writeFile(
    config,
    JSON.stringify({
      extends: join(repoRoot, 'tsconfig.json'),
      include: ['./*/reference/**/*.ts', './*/alternate-*/**/*.ts', './*/mutant-*/**/*.ts'],
      exclude: [],
    }),
  );
  const run = await runTool(tools.tsc, ['--noEmit', '--pretty', 'false', '-p', config]);
  const errors = stripVTControlCharacters(run.output).split('\n').filter((line) => /\(\d+,\d+\): error TS/.test(line));
  const mutants = checks.filter((check) => check.way === 'mutant');
  const ownerOf = (line: string) => mutants.find((check) => resolve(repoRoot, line.split('(')[0]!).startsWith(check.root + sep));
  for (const line of errors) {
    const owner = ownerOf(line);
    if (owner && !owner.loadProblem) owner.loadProblem = `${relative(owner.root, resolve(repoRoot, line.split('(')[0]!))}: does not type-check: ${line.slice(line.indexOf(': error') + 2).trim()}`;
  }
  const outsideMutants = errors.filter((line) => !ownerOf(line));
  const mutantNote = errors.length > outsideMutants.length ? ` (${errors.length - outsideMutants.length} error(s) in mutants: see their lines)` : '';
  return run.code === 0 || (errors.length > 0 && outsideMutants.length === 0)
    ? { title, ok: true, detail: `tsc over the copies${mutantNote}` }
    : {
        title,
        ok: false,
        detail:
          `${(outsideMutants.length > 0 ? outsideMutants.join('\n') : run.output).trim()}\n(Paths are copies under ${relative(repoRoot, runDir)}: <exercise>/reference/ is the starter ` +
          'with solutions/<path>/src laid over it.) Fix the file in solutions/ it came from.',
      };
}

/** Every Markdown file in the repository passes markdownlint-cli2 with the course config. */
export async function lintMarkdown(): Promise<CheckResult> {
  const run = await runTool(tools.markdownlint, []);
  const summary = stripVTControlCharacters(run.output).match(/Linting: (\d+) file/)?.[1];
  return run.code === 0
    ? { title: `Markdown: ${summary ?? 'all'} files lint-clean`, ok: true, detail: 'markdownlint-cli2' }
    : {
        title: 'Markdown: lint',
        ok: false,
        detail: `${run.output.trim()}\nFix each line named above (rules: .markdownlint-cli2.jsonc; \`npx markdownlint-cli2 --fix\` fixes many).`,
      };
}

/**
 * The repository's own tests (graders project), two test files at a time: most of them wait
 * on child processes and services rather than compute. Their output is kept and printed
 * whole when they are done (they run beside the exercises, whose lines it would cut up).
 */
export async function graderTests(env: NodeJS.ProcessEnv): Promise<CheckResult & { output: string }> {
  if (!existsSync(join(repoRoot, 'graders'))) return { title: 'repository tests', ok: false, detail: 'graders/ is missing', output: '' };
  const run = await runTool(tools.vitest, ['run', '--project', 'graders', '--maxWorkers=2'], { env });
  const plain = stripVTControlCharacters(run.output);
  const passed = plain.match(/Tests\s+(?:\S+\s+)*?(\d+) passed/)?.[1];
  // The exit code alone is not believed: a package's exit hook can turn Vitest's 1 into 0.
  const failed = run.code !== 0 || /Tests\s+\d+ failed|Test Files\s+\d+ failed/.test(plain);
  return !failed
    ? { title: `repository tests (graders project): ${passed ?? 'all'} passed`, ok: true, detail: 'vitest --project graders', output: run.output }
    : { title: 'repository tests (graders project)', ok: false, detail: 'see the Vitest output above for the failing tests', output: run.output };
}

function failure(title: string, error: unknown): CheckResult {
  if (error instanceof CourseRuleError) return { title, ok: false, detail: error.message };
  throw error;
}
