import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CourseFolders, CourseRuleError, type ExerciseMeta, loadCurriculum, loadExercise } from '../../grading/runner/exercise-catalog.ts';
import { courseSchema, describeSchemaErrors } from '../../grading/runner/schema-validator.ts';
import { PracticeError } from './practice-error.ts';

export interface Kata {
  /** Path below exercises/, e.g. `katas/04-cqrs-decision`. */
  path: string;
  folder: string;
  meta: ExerciseMeta;
}

export type Variant = ExerciseMeta['variants'][number];

const foldersOf = (root: string): CourseFolders => ({ exercisesDir: join(root, 'exercises'), solutionsDir: join(root, 'solutions') });

/** Every exercise path in the curriculum. */
export function curriculumPaths(root: string): string[] {
  try {
    return loadCurriculum(foldersOf(root));
  } catch (error) {
    if (error instanceof CourseRuleError) throw new PracticeError(error.message);
    throw error;
  }
}

/** The one exercise a learner's word names: its id, its path, or a unique part of either. */
export function findKata(root: string, name: string): Kata {
  const paths = curriculumPaths(root);
  const idOf = (path: string) => path.split('/')[1]!;
  const exact = paths.filter((path) => path === name || idOf(path) === name);
  const matches = exact.length > 0 ? exact : paths.filter((path) => path.includes(name));
  if (matches.length !== 1) {
    const known = paths.map(idOf).join(', ');
    throw new PracticeError(
      matches.length === 0
        ? `No kata matches "${name}". Katas: ${known}.`
        : `"${name}" matches ${matches.map(idOf).join(' and ')}; give more of the name.`,
    );
  }
  return loadKata(root, matches[0]!);
}

/**
 * An exercise's metadata. The course repository checks it against the whole exercise
 * contract; a learner's repository has no solutions/, so there only exercise.json is checked.
 */
export function loadKata(root: string, path: string): Kata {
  const folders = foldersOf(root);
  try {
    if (existsSync(folders.solutionsDir)) {
      const { meta, folder } = loadExercise(path, folders);
      return { path, folder, meta };
    }
  } catch (error) {
    if (error instanceof CourseRuleError) throw new PracticeError(error.message);
    throw error;
  }
  const folder = join(folders.exercisesDir, path);
  const file = join(folder, 'exercise.json');
  let meta: unknown;
  try {
    meta = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PracticeError(`exercises/${path}/exercise.json cannot be read (${(error as Error).message}).`);
  }
  const validate = courseSchema('exercise.schema.json');
  if (!validate(meta)) {
    throw new PracticeError(`exercises/${path}/exercise.json breaks its schema: ${describeSchemaErrors(validate.errors).join('; ')}`);
  }
  return { path, folder, meta: meta as ExerciseMeta };
}

/** The named variant, or the first (the default) when none is named. */
export function findVariant(kata: Kata, name: string | undefined): Variant {
  if (name === undefined) return kata.meta.variants[0]!;
  const variant = kata.meta.variants.find((candidate) => candidate.name === name);
  if (!variant) {
    throw new PracticeError(
      `${kata.meta.id} has no variant "${name}". Variants: ${kata.meta.variants.map((v) => v.name).join(', ')}.`,
    );
  }
  return variant;
}
