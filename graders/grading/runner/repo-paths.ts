import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The course repository's root, wherever it is checked out. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const exercisesDir = join(repoRoot, 'exercises');
export const solutionsDir = join(repoRoot, 'solutions');
export const schemasDir = join(repoRoot, 'graders', 'schemas');
/** Git-ignored scratch space: per-run copies of exercises, logs, practice attempts. */
export const scratchDir = join(repoRoot, '.course');
// Made here, once: many tools and tests make their temporary folders inside it, and a fresh
// clone (or worktree) has none until something creates it.
mkdirSync(scratchDir, { recursive: true });
