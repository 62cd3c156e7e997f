import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, scratchDir } from '../runner/repo-paths.ts';
import { courseFiles, isCourseOnly, pinWorkflow, writeLearnerTemplate } from './learner-template.ts';

const pin = { repository: 'example-school/eda-course', ref: 'a'.repeat(40) };
let out: string;
let written: string[];

beforeAll(async () => {
  out = join(await mkdtemp(join(scratchDir, 'template-')), 'learner');
  written = await writeLearnerTemplate(repoRoot, out, pin);
});
afterAll(() => rm(join(out, '..'), { recursive: true, force: true }));

describe('writeLearnerTemplate', () => {
  it('leaves out the reference solutions, the mutants and the course CI', () => {
    expect(courseFiles(repoRoot).some((file) => file.startsWith('solutions/'))).toBe(true);
    expect(written.filter(isCourseOnly)).toEqual([]);
    expect(existsSync(join(out, 'solutions'))).toBe(false);
    expect(existsSync(join(out, '.github/workflows/ci.yml'))).toBe(false);
  });

  it('keeps what a learner needs: exercises, graders, the manifest, the dev container', () => {
    for (const file of ['exercises/curriculum.json', 'graders/grading/grade/cli.ts', 'package.json', '.devcontainer.json']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
  });

  it('pins both grading workflows to the course repository and commit', () => {
    for (const name of ['grade.yml', 'classroom.yml']) {
      const text = readFileSync(join(out, '.github/workflows', name), 'utf8');
      expect(text).toContain(`COURSE_REPOSITORY: ${pin.repository} # pinned by npm run template`);
      expect(text).toContain(`COURSE_REF: ${pin.ref} # pinned by npm run template`);
    }
  });

  it('refuses to write into a folder that already has files', async () => {
    await expect(writeLearnerTemplate(repoRoot, out, pin)).rejects.toThrow(/is not empty: give a new folder/);
  });
});

describe('pinWorkflow', () => {
  it('says so when a workflow has nothing to pin', () => {
    expect(() => pinWorkflow('name: x\n', pin)).toThrow(/no COURSE_REPOSITORY/);
  });
});
