import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';
import { exerciseTestDefaults } from './exercise-test-defaults.ts';

/**
 * The learner's exercise folders (relative to the course root) split by whether their tests
 * use services. The root config gives the ones without services a reused test worker in the
 * learner's watch (`isolate: false`: one fork for all their test files instead of one each,
 * which is most of a re-run's time), and keeps per-file isolation where tests hold database
 * or broker state. Grading never reads this: it runs each copy with variant-run.config.ts.
 */
export function exerciseFoldersByServices(courseRoot: string): { withServices: string[]; without: string[] } {
  const exercisesDir = join(courseRoot, 'exercises');
  const withServices: string[] = [];
  const without: string[] = [];
  for (const file of readdirSync(exercisesDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('exercise.json') || file.includes('node_modules')) continue;
    const folder = relative(courseRoot, dirname(join(exercisesDir, file)));
    // An exercise.json that does not parse is the catalogue's error to report (with its
    // schema); here the exercise just keeps the isolated project.
    const services = readServices(join(exercisesDir, file));
    (services?.length === 0 ? without : withServices).push(folder);
  }
  return { withServices: withServices.sort(), without: without.sort() };
}

function readServices(file: string): unknown[] | undefined {
  try {
    const services = (JSON.parse(readFileSync(file, 'utf8')) as { services?: unknown }).services;
    return Array.isArray(services) ? services : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How the learner's watch runs the exercises without services: one reused worker thread (a
 * re-run after a save starts no process per test file), with the module registry emptied
 * before each file so that no module state leaks from one file into the next. No test or code
 * of these exercises changes directory or starts processes, which threads do not allow.
 */
export const reusedWorkerSettings = {
  isolate: false,
  pool: 'threads',
  setupFiles: [...exerciseTestDefaults.setupFiles, fileURLToPath(new URL('./fresh-modules-per-file.ts', import.meta.url))],
} satisfies NonNullable<ViteUserConfig['test']>;
