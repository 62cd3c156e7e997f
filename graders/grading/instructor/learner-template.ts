import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where the learner's workflows fetch the course's tests from. */
export interface CoursePin {
  repository: string;
  ref: string;
}

/** Course-only files: reference solutions and their mutants, the course's CI, scratch space. */
export function isCourseOnly(path: string): boolean {
  return (
    path.startsWith('solutions/') ||
    path.split('/').includes('mutants') ||
    path === '.github/workflows/ci.yml' ||
    /^(\.course|results|node_modules)\//.test(path)
  );
}

/** Points a workflow's COURSE_REPOSITORY and COURSE_REF at the pinned course. */
export function pinWorkflow(text: string, pin: CoursePin): string {
  const pinned = text
    .replace(/^(\s*COURSE_REPOSITORY:) .*$/m, `$1 ${pin.repository} # pinned by npm run template`)
    .replace(/^(\s*COURSE_REF:) .*$/m, `$1 ${pin.ref} # pinned by npm run template`);
  if (pinned === text) throw new Error('the workflow has no COURSE_REPOSITORY / COURSE_REF lines to pin');
  return pinned;
}

/** The files of the course checkout: git's list when it is a clone (tracked and new), else a walk. */
export function courseFiles(root: string): string[] {
  if (existsSync(join(root, '.git'))) {
    const out = execFileSync('git', ['-C', root, 'ls-files', '--cached', '--others', '--exclude-standard', '-z'], { encoding: 'utf8' });
    return out.split('\0').filter((file) => file && existsSync(join(root, file))).sort();
  }
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (['.git', 'node_modules', '.course', 'results'].includes(entry.name)) return [];
      return entry.isDirectory() ? walk(path) : [path];
    });
  return walk('').sort();
}

/**
 * Writes the learner-facing repository: the course without solutions, mutants and the
 * course's own CI, with the grading workflows pinned to the course's commit so that tests
 * are always taken from there.
 */
export async function writeLearnerTemplate(root: string, out: string, pin: CoursePin): Promise<string[]> {
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`${out} is not empty: give a new folder for the template.`);
  const files = courseFiles(root).filter((file) => !isCourseOnly(file));
  for (const file of files) {
    await mkdir(dirname(join(out, file)), { recursive: true });
    if (/^\.github\/workflows\/(grade|classroom)\.yml$/.test(file)) {
      await writeFile(join(out, file), pinWorkflow(await readFile(join(root, file), 'utf8'), pin));
    } else {
      await cp(join(root, file), join(out, file));
    }
  }
  return files;
}

/** The course's GitHub repository and commit from its git checkout, when they can be read. */
export function coursePinFromGit(root: string): Partial<CoursePin> {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return undefined;
    }
  };
  const remote = git('remote', 'get-url', 'origin');
  const repository = remote?.match(/github\.com[:/]([^/]+\/[^/]+?)(\.git)?$/)?.[1];
  const ref = git('rev-parse', 'HEAD');
  return { ...(repository ? { repository } : {}), ...(ref ? { ref } : {}) };
}
