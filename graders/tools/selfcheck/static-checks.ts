import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { checkCurriculum, type CourseFolders, CourseRuleError, type Exercise, loadExercise } from '../../grading/runner/exercise-catalog.ts';
import { mutantPatchFile, parseMutantPatch } from '../../grading/runner/mutant-patch.ts';
import { repoRoot } from '../../grading/runner/repo-paths.ts';
import type { CheckResult } from './exercise-checks.ts';
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
  const run = await runTool(tools.tsc, ['--noEmit', '-p', project]);
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
 * their imports resolve only once laid over it: they are type-checked in those copies.
 */
export async function typecheckLaidOutCopies(runDir: string, copies: number): Promise<CheckResult> {
  const title = `TypeScript: ${copies} references and mutants type-check when laid over their starters`;
  if (copies === 0) return { title, ok: true, detail: 'nothing to check' };
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
  const run = await runTool(tools.tsc, ['--noEmit', '-p', config]);
  return run.code === 0
    ? { title, ok: true, detail: 'tsc over the copies' }
    : {
        title,
        ok: false,
        detail:
          `${run.output.trim()}\n(Paths are copies under ${relative(repoRoot, runDir)}: <exercise>/reference/ is the starter ` +
          'with solutions/<path>/src laid over it, mutant-<name>/ adds that mutant.) Fix the file in solutions/ it came from.',
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

/** The repository's own tests (graders project), output shown as it runs. */
export async function graderTests(env: NodeJS.ProcessEnv): Promise<CheckResult> {
  if (!existsSync(join(repoRoot, 'graders'))) return { title: 'repository tests', ok: false, detail: 'graders/ is missing' };
  const run = await runTool(tools.vitest, ['run', '--project', 'graders'], { env, echo: true });
  const passed = stripVTControlCharacters(run.output).match(/Tests\s+(?:\S+\s+)*?(\d+) passed/)?.[1];
  return run.code === 0
    ? { title: `repository tests (graders project): ${passed ?? 'all'} passed`, ok: true, detail: 'vitest --project graders' }
    : { title: 'repository tests (graders project)', ok: false, detail: 'see the Vitest output above for the failing tests' };
}

function failure(title: string, error: unknown): CheckResult {
  if (error instanceof CourseRuleError) return { title, ok: false, detail: error.message };
  throw error;
}
