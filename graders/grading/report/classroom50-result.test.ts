import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { type Classroom50Identity, classroom50IdentityFromEnv, renderClassroom50Result } from './classroom50-result.ts';
import { sampleResults } from './sample-results.ts';

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(
  JSON.parse(readFileSync(new URL('./classroom50-result.schema.json', import.meta.url), 'utf8')),
);
const identity: Classroom50Identity = {
  classroom: 'eda-2026', assignment: 'module-3', assignmentType: 'individual', owner: 'alice',
  submission: 'submit/2026-09-01T10-00-00Z-a1b2c3d', commitUrl: 'https://github.com/o/r/commit/a1b2c3d',
  releaseUrl: 'https://github.com/o/r/releases/tag/submit%2F2026', reviewUrl: 'https://github.com/o/r/compare/x...a1b2c3d',
  submittedAt: new Date('2026-09-01T09:59:58.900Z'),
};

describe('renderClassroom50Result', () => {
  it('meets the result.json contract', () => {
    const result = renderClassroom50Result(sampleResults(), identity);
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is checked by a schema that rejects fractional points, so the check above means something', () => {
    const result = renderClassroom50Result(sampleResults(), identity);
    expect(validate({ ...result, score: 15.5 })).toBe(false);
  });

  it('rounds each exercise down to whole points, so the total never exceeds what was earned', () => {
    const results = sampleResults();
    results.exercises[1]!.points = 5.99;
    const result = renderClassroom50Result(results, identity);
    expect(result.tests.slice(0, 3).map((t) => [t.score, t['max-score'], t.passed])).toEqual([[10, 10, true], [5, 10, false], [0, 10, false]]);
    expect([result.score, result['max-score']]).toEqual([15, 30]);
    for (const test of result.tests) expect(test.score).toBeLessThanOrEqual(test['max-score']);
  });

  it('adds a zero-point entry naming the changed course files', () => {
    const last = renderClassroom50Result(sampleResults(), identity).tests.at(-1);
    expect(last).toMatchObject({ 'test-name': 'course files unchanged', passed: false, 'max-score': 0 });
    expect(last?.message).toContain('exercises/katas/02-outbox/test/relay.test.ts');
  });

  it('writes instants to the second in UTC, as the contract requires', () => {
    const result = renderClassroom50Result(sampleResults(), identity);
    expect([result.datetime, result.graded_at]).toEqual(['2026-09-01T09:59:58Z', '2026-09-01T10:11:12Z']);
  });
});

describe('classroom50IdentityFromEnv', () => {
  it('names every variable the runner should have set', () => {
    expect(() => classroom50IdentityFromEnv({ CLASSROOM: 'c' }, new Date())).toThrow(
      /missing: ASSIGNMENT, SUBMISSION_TAG, COMMIT_URL, RELEASE_URL, OWNER \(or USERNAME\)/,
    );
  });

  it('falls back to the commit link for the review link and records who pushed', () => {
    const env = {
      CLASSROOM: 'c', ASSIGNMENT: 'a', SUBMISSION_TAG: 'submit/x', COMMIT_URL: 'https://c', RELEASE_URL: 'https://r',
      USERNAME: 'bob', ASSIGNMENT_TYPE: 'group', GITHUB_ACTOR: 'carol', GITHUB_ACTOR_ID: '42',
    };
    expect(classroom50IdentityFromEnv(env, new Date(0))).toMatchObject({
      owner: 'bob', assignmentType: 'group', reviewUrl: 'https://c', submittedBy: { username: 'carol', id: 42 },
    });
  });
});
