import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { curriculumMeta, renderClassroomWorkflow, stepId } from '../instructor/classroom-workflow.ts';
import { repoRoot } from '../runner/repo-paths.ts';

const workflowsDir = join(repoRoot, '.github', 'workflows');
const schema = JSON.parse(readFileSync(new URL('../../schemas/vendor/github-workflow.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const text = (name: string) => readFileSync(join(workflowsDir, name), 'utf8');
type Workflow = {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: unknown; steps: { uses?: string; id?: string; run?: string; with?: Record<string, unknown> }[] }>;
};
const workflow = (name: string) => parse(text(name)) as Workflow;
const names = ['grade.yml', 'classroom.yml', 'ci.yml'];

describe('the GitHub workflows', () => {
  it('are exactly grade.yml, classroom.yml and ci.yml', () => {
    expect(readdirSync(workflowsDir).sort()).toEqual([...names].sort());
  });

  it.each(names)('%s matches the GitHub workflow schema', (name) => {
    expect(validate(workflow(name)), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('are checked by a schema that rejects a misspelt key, so the check above means something', () => {
    expect(validate({ ...workflow('ci.yml'), job: {} })).toBe(false);
  });

  it.each(names)('%s grants its token only what it names, never through pull_request_target', (name) => {
    const parsed = workflow(name);
    expect(parsed.permissions, 'top-level permissions').toBeTypeOf('object');
    expect(Object.values(parsed.permissions!).every((level) => level === 'read' || level === 'write')).toBe(true);
    expect(Object.keys(parsed.on)).not.toContain('pull_request_target');
    expect(text(name)).not.toMatch(/write-all|read-all/);
  });

  it.each(names)('%s pins every action to a full commit and names its version', (name) => {
    const uses = text(name).split('\n').filter((line) => /^\s*(- )?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/);
  });

  it('grade.yml takes the tests from the course at a pinned ref and only src/ from the learner', () => {
    const steps = workflow('grade.yml').jobs.grade!.steps;
    const course = steps.find((s) => s.with?.path === 'course');
    expect(course?.with).toMatchObject({ repository: '${{ env.COURSE_REPOSITORY }}', ref: '${{ env.COURSE_REF }}' });
    expect(steps.find((s) => s.uses?.startsWith('devcontainers/ci@'))?.with?.runCmd).toMatch(/npm run grade -- --learner \.course\/learner/);
  });

  it('classroom.yml has one command-grader step per exercise with its points, then the reporter', () => {
    const exercises = curriculumMeta();
    const steps = workflow('classroom.yml').jobs['run-autograding-tests']!.steps;
    const graders = steps.filter((s) => s.uses?.startsWith('classroom-resources/autograding-command-grader@'));
    expect(graders.map((s) => [s.id, s.with?.['max-score']])).toEqual(exercises.map((e) => [stepId(e), e.meta.points]));
    for (const step of graders) expect(String(step.with?.command)).toMatch(/COURSE_SERVICES=embedded/);
    // The course is checked out inside the learner's tree: npm must not adopt a learner's .npmrc.
    for (const command of [...graders.map((s) => String(s.with?.command)), ...steps.map((s) => s.run ?? '')]) {
      for (const npm of command.match(/npm (ci|run|install)[^&]*/g) ?? []) expect(npm).toContain('--workspaces=false');
    }
    expect(steps.at(-1)?.with?.runners).toBe(exercises.map(stepId).join(','));
  });

  it('classroom.yml is the one generated from the curriculum', () => {
    expect(text('classroom.yml'), 'regenerate it: npx tsx graders/grading/instructor/write-classroom-workflow.ts').toBe(
      renderClassroomWorkflow(curriculumMeta()),
    );
  });

  it('ci.yml runs npm test, the Kafka conformance suite against real Kafka, and markdownlint', () => {
    const ci = text('ci.yml');
    expect(ci).toMatch(/run: npm test/);
    expect(ci).toMatch(/COURSE_SERVICES: containers\n\s+run: npx vitest run --project graders graders\/services\/broker\/conformance/);
    expect(ci).toMatch(/run: npx markdownlint-cli2/);
  });
});
