import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { exercisesDir as courseExercisesDir, repoRoot, solutionsDir as courseSolutionsDir } from './repo-paths.ts';
import { courseSchema, describeSchemaErrors } from './schema-validator.ts';

export interface ExerciseMeta {
  id: string;
  title: string;
  kind: 'kata' | 'clinic' | 'lab' | 'design' | 'drill' | 'output';
  concepts: string[];
  services: ('postgres' | 'kafka')[];
  timeLimitMinutes: number;
  repeatUntil?: { minutes: number; description: string; distinctVariants?: number };
  points: number;
  variants: { name: string; description: string; files?: string[]; tests?: string[] }[];
  hints: string[];
  /** A clinic item's place in the clinic and what the grader proves (see exercise.schema.json). */
  clinic?: { practice: string; statement: number; radarRow: string; reproductionPoints: number; cardMustName: string[] };
  /** A design kata's critique rubric: its domain's weight (1-3) for each dimension (see graders/tools/design/rubric.ts). */
  rubric?: { calibration: string; weights: Record<string, number> };
}

export interface Exercise {
  /** Path below exercises/, as the curriculum lists it: `katas/01-order-placed-event`. */
  path: string;
  meta: ExerciseMeta;
  folder: string;
  /** solutions/<path>, or undefined in a learner's repository, which has no solutions/. */
  solutionFolder: string | undefined;
  /** Names of the known-wrong variants, solutions/<path>/mutants/<name>.patch. */
  mutants: string[];
  /** Names of further correct references in solutions/<path>/alternates/, each a whole src/. */
  alternates: string[];
}

/** Where the exercises and their solutions are; the repository's own unless a test says otherwise. */
export interface CourseFolders {
  exercisesDir: string;
  solutionsDir: string;
}
const courseFolders: CourseFolders = { exercisesDir: courseExercisesDir, solutionsDir: courseSolutionsDir };

/** A rule of the course broken by a file, with what to do about it. */
export class CourseRuleError extends Error {
  override name = 'CourseRuleError';
}

const at = (absolute: string) => relative(repoRoot, absolute).replaceAll('\\', '/');

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new CourseRuleError(`${at(file)} is missing.`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CourseRuleError(`${at(file)} is not valid JSON (${(error as Error).message}); fix the syntax.`);
  }
}

/** The ordered curriculum, validated: every listed folder exists, every folder is listed. */
export function loadCurriculum(folders: CourseFolders = courseFolders): string[] {
  const { listed, problems } = checkCurriculum(folders);
  if (problems[0]) throw new CourseRuleError(problems.join('\n'));
  return listed;
}

/**
 * The curriculum's entries whose folders exist, and every way it disagrees with the
 * folders, so that one unlisted exercise does not stop the others from being checked.
 */
export function checkCurriculum({ exercisesDir }: CourseFolders = courseFolders): { listed: string[]; problems: string[] } {
  const file = join(exercisesDir, 'curriculum.json');
  const manifest = readJson(file);
  const validate = courseSchema('curriculum.schema.json');
  if (!validate(manifest)) {
    throw new CourseRuleError(
      `${at(file)} does not match graders/schemas/curriculum.schema.json:\n  ` +
        describeSchemaErrors(validate.errors).join('\n  '),
    );
  }
  const entries = (manifest as { exercises: string[] }).exercises;
  const problems: string[] = [];
  for (const path of entries.filter((entry) => !existsSync(join(exercisesDir, entry)))) {
    problems.push(`${at(file)} lists "${path}" but exercises/${path}/ does not exist: create the folder or remove the entry.`);
  }
  for (const path of exerciseFolders(exercisesDir).filter((folder) => !entries.includes(folder))) {
    problems.push(`exercises/${path}/ is not in ${at(file)}: add "${path}" to its "exercises" list where learners should meet it.`);
  }
  return { listed: entries.filter((entry) => existsSync(join(exercisesDir, entry))), problems };
}

/**
 * Every exercise folder: a folder named like an exercise (`NN-name`) below a group
 * (`katas/01-x`) or below a group and a practice (`clinic/saga-and-idempotency/06-x`).
 */
function exerciseFolders(exercisesDir: string, prefix = '', depth = 0): string[] {
  const isDir = (path: string) => statSync(path).isDirectory();
  return readdirSync(join(exercisesDir, prefix))
    .filter((name) => isDir(join(exercisesDir, prefix, name)))
    .flatMap((name) => {
      const path = prefix ? `${prefix}/${name}` : name;
      if (depth > 0 && /^[0-9]{2}-/.test(name)) return [path];
      return depth < 2 ? exerciseFolders(exercisesDir, path, depth + 1) : [];
    });
}

/** One exercise's metadata and files, checked against the exercise contract. */
export function loadExercise(path: string, { exercisesDir, solutionsDir }: CourseFolders = courseFolders): Exercise {
  const folder = join(exercisesDir, path);
  const metaFile = join(folder, 'exercise.json');
  const meta = readJson(metaFile);
  const validate = courseSchema('exercise.schema.json');
  if (!validate(meta)) {
    throw new CourseRuleError(
      `${at(metaFile)} does not match graders/schemas/exercise.schema.json:\n  ` +
        describeSchemaErrors(validate.errors).join('\n  '),
    );
  }
  const exerciseMeta = meta as ExerciseMeta;
  const folderName = path.split('/').at(-1);
  if (exerciseMeta.id !== folderName) {
    throw new CourseRuleError(`${at(metaFile)} has id "${exerciseMeta.id}"; set it to the folder name "${folderName}".`);
  }
  for (const required of ['README.md', 'src', 'test']) {
    if (!existsSync(join(folder, required))) {
      throw new CourseRuleError(`${at(join(folder, required))} is missing: every exercise has a README.md, a src/ starter and a test/ folder.`);
    }
  }
  // A learner's repository is the course without solutions/: nothing to check against.
  if (!existsSync(solutionsDir)) return { path, meta: exerciseMeta, folder, solutionFolder: undefined, mutants: [], alternates: [] };
  const solutionFolder = join(solutionsDir, path);
  if (!existsSync(join(solutionFolder, 'src'))) {
    throw new CourseRuleError(`${at(join(solutionFolder, 'src'))} is missing: add the reference solution's src/ there.`);
  }
  const listFolder = (name: string) => (existsSync(join(solutionFolder, name)) ? readdirSync(join(solutionFolder, name)).sort() : []);
  const alternates = listFolder('alternates');
  for (const alternate of alternates) {
    if (!existsSync(join(solutionFolder, 'alternates', alternate, 'src'))) {
      throw new CourseRuleError(
        `${at(join(solutionFolder, 'alternates', alternate))} has no src/: an alternate reference is a whole src/ tree (and answers.md if any).`,
      );
    }
  }
  const mutantEntries = listFolder('mutants');
  const notPatches = mutantEntries.filter((name) => !name.endsWith('.patch'));
  if (notPatches.length > 0) {
    throw new CourseRuleError(
      `${at(join(solutionFolder, 'mutants', notPatches[0]!))} is not a .patch file: a mutant is the mistake as a patch against ` +
        'the reference (see "To add an exercise" in README.md).',
    );
  }
  const mutants = mutantEntries.map((name) => name.slice(0, -'.patch'.length));
  return { path, meta: exerciseMeta, folder, solutionFolder, mutants, alternates };
}

/** The exercises whose path or id contains any of the filters (all, when none are given). */
export function selectExercises(filters: readonly string[]): Exercise[] {
  const all = loadCurriculum().map((path) => loadExercise(path));
  if (filters.length === 0) return all;
  const chosen = all.filter((exercise) => filters.some((filter) => exercise.path.includes(filter)));
  if (chosen.length === 0) {
    throw new CourseRuleError(
      `No exercise matches ${filters.map((f) => `"${f}"`).join(' or ')}. Exercises: ${all.map((e) => e.meta.id).join(', ')}.`,
    );
  }
  return chosen;
}
