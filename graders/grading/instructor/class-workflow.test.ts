import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseRoster, RosterError, shardOf } from './class-roster.ts';
import { artifactPrefix, renderClassWorkflow } from './class-workflow.ts';

const schema = JSON.parse(readFileSync(new URL('../../schemas/vendor/github-workflow.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown> };
type Job = { needs?: string; strategy?: { matrix: { shard: number[] } }; container?: { image: string }; steps: Step[] };
const render = (shards: number) => parse(renderClassWorkflow({ roster: 'roster.txt', shards, deadline: '2026-12-18T23:59:00Z' })) as {
  permissions: Record<string, string>; on: { workflow_dispatch: { inputs: { deadline: { default: string } } } }; jobs: Record<string, Job>;
};

describe("the class's grading workflow", () => {
  it('matches the GitHub workflow schema', () => {
    expect(validate(render(4)), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('runs one job per shard in the dev container image, then one report job after all of them', () => {
    const { jobs, on } = render(5);
    expect(jobs.grade!.strategy!.matrix.shard).toEqual([1, 2, 3, 4, 5]);
    expect(jobs.grade!.container!.image).toMatch(/^mcr\.microsoft\.com\/devcontainers\/javascript-node:1-24/);
    expect(jobs.report!.needs).toBe('grade');
    expect(on.workflow_dispatch.inputs.deadline.default).toBe('2026-12-18T23:59:00Z');
  });

  it('removes the reference solutions before any learner code is fetched, in both jobs', () => {
    for (const job of Object.values(render(3).jobs)) {
      const removed = job.steps.findIndex((step) => step.run === 'rm -rf course/solutions');
      const learnerCode = job.steps.findIndex((step) => /instructor -- fetch|download-artifact/.test(`${step.run ?? ''}${step.uses ?? ''}`));
      expect(removed).toBeGreaterThanOrEqual(0);
      expect(removed).toBeLessThan(learnerCode);
    }
  });

  it("uploads each shard's results under one prefix and merges exactly that prefix", () => {
    const { jobs } = render(2);
    const upload = jobs.grade!.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))!;
    const download = jobs.report!.steps.find((step) => step.uses?.startsWith('actions/download-artifact@'))!;
    expect(upload.with!.name).toBe(`${artifactPrefix}\${{ matrix.shard }}`);
    expect(download.with!.pattern).toBe(`${artifactPrefix}*`);
    expect(jobs.report!.steps.some((step) => step.run?.includes('npm run grade -- --collect ../collected --roster ../roster.txt'))).toBe(true);
  });

  it('pins every action to a commit and grants the token read access only', () => {
    const { jobs, permissions } = render(2);
    for (const step of Object.values(jobs).flatMap((job) => job.steps)) if (step.uses) expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
    expect(permissions).toEqual({ contents: 'read' });
  });
});

describe('sharding a roster', () => {
  it('puts every learner in exactly one shard, and no shard more than one learner above another', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 40 }), (learners, shards) => {
        const roster = Array.from({ length: learners }, (_, i) => `learner-${i}`);
        const parts = Array.from({ length: shards }, (_, i) => shardOf(roster, i + 1, shards));
        expect(parts.flat().sort()).toEqual([...roster].sort());
        const sizes = parts.map((part) => part.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('refuses a shard outside 1..N with a message that says the range', () => {
    expect(() => shardOf(['a'], 0, 3)).toThrow(/shards run from 1 to 3/);
    expect(() => shardOf(['a'], 4, 3)).toThrow(RosterError);
  });
});

describe('reading a roster', () => {
  it('takes owner/repository alone or after a learner name, skipping comments and blank lines', () => {
    expect(parseRoster('# class of 2026\nada ada-l/eda-course\n\nbob-k/eda-course  # late joiner\n')).toEqual([
      { learner: 'ada', repository: 'ada-l/eda-course' },
      { learner: 'eda-course', repository: 'bob-k/eda-course' },
    ]);
  });

  it('names every bad line and reads nothing from a roster that has one', () => {
    const roster = 'ada ada-l/eda\nnot a repo at all\nada other/eda\nbob https://github.com/bob/eda\n';
    expect(() => parseRoster(roster, 'roster.txt')).toThrow(
      /roster\.txt:2: .*not 5 fields[\s\S]*roster\.txt:3: learner "ada" is already on line 1[\s\S]*roster\.txt:4: "https:\/\/github\.com\/bob\/eda" is not a GitHub owner\/repository/,
    );
  });

  it('refuses an empty roster', () => {
    expect(() => parseRoster('# nobody yet\n')).toThrow(/lists no learners/);
  });
});
