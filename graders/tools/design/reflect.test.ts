import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../practice/practice-log.ts';
import { askReflection, parseScores, type Prompter, readRubric, recordReflection, reflection, reflectionReport } from './reflect.ts';
import { weightedScore } from './rubric.ts';

const course = new URL('./fixtures/course/', import.meta.url).pathname;
const rubric = readRubric(join(course, 'exercises', 'design', '01-sample-pipeline'), '01-sample-pipeline');
const typed = 'security-posture=4,compliance=2,nfr-compliance=5,data-flow-coherence=3,cost-awareness=1,operational-readiness=3,failure-handling=4';
const kata = 'design/01-sample-pipeline';
const now = Date.parse('2026-03-02T10:00:00.000Z');

async function stateDir() {
  const dir = join(await mkdtemp(join(tmpdir(), 'reflect-')), 'practice');
  await mkdir(dir, { recursive: true });
  return { dir, [Symbol.asyncDispose]: () => rm(join(dir, '..'), { recursive: true, force: true }) };
}

describe('reflect: self-scores on the kata rubric', () => {
  it("reads the kata's weights from its exercise.json, schema-checked", () => {
    expect(rubric.weights).toMatchObject({ 'security-posture': 3, compliance: 3, 'data-flow-coherence': 1 });
    expect(() => readRubric(join(course, 'exercises', 'design', '02-unfinished'), '02-unfinished')).toThrow(/exercise\.json cannot be read/);
  });

  it('weighs each score by the domain: Σ weight × score / Σ weight, to one decimal', () => {
    // (3x4 + 3x2 + 2x5 + 1x3 + 2x1 + 2x3 + 2x4) / 15 = 47 / 15 = 3.13
    expect(weightedScore(parseScores(typed), rubric.weights)).toBe(3.1);
  });

  it('names every problem of --scores at once, and how to write it', () => {
    expect(() => parseScores('secuirty-posture=4,compliance=6,nfr-compliance=x,cost-awareness=2,cost-awareness=3,oops')).toThrow(
      /"secuirty-posture" is no dimension of the rubric \(did you mean security-posture\?\); compliance: "6" is not a whole number from 1 to 5; nfr-compliance: "x" is not a whole number from 1 to 5; cost-awareness is scored twice; "oops" is not dimension=score; no score for security-posture, data-flow-coherence, operational-readiness, failure-handling\. Score every dimension from 1 .* e\.g\. --scores security-posture=3,.*Nothing was recorded\./,
    );
    expect(() => reflection(kata, parseScores(typed), '  ', rubric, now)).toThrow(/--change: the change is empty/);
    expect(() => reflection(kata, parseScores(typed), 'better', rubric, now)).toThrow(/"better" is too short/);
  });

  it('records the reflection in the practice log beside what is there, and shows how the score moved', async () => {
    await using state = await stateDir();
    const attempt = { id: '01-sample-pipeline-20260302T090000000Z', kata, variant: 'default', startedAt: '2026-03-02T09:00:00.000Z', timeLimitMinutes: 60 };
    await writeFile(join(state.dir, 'log.json'), JSON.stringify({ version: 1, active: attempt, attempts: [], saved: [] }));
    await recordReflection(state.dir, reflection(kata, parseScores(typed.replace('cost-awareness=1', 'cost-awareness=3')), 'Compute the hot storage from the rate.', rubric, now));
    const history = await recordReflection(state.dir, reflection(kata, parseScores(typed), 'Pseudonymise in the normaliser, before storage.', rubric, now + 1));
    const log = await readLog(state.dir);
    expect(log.active).toEqual(attempt);
    expect(log.reflections).toHaveLength(2);
    expect(history.map((r) => r.weighted)).toEqual([3.4, 3.1]);
    const report = reflectionReport(history);
    expect(report).toMatch(/weighted self-score 3\.1 of 5/);
    expect(report).toMatch(/across 2 reflections on this kata: 3\.4 -> 3\.1/);
    expect(report).toMatch(/Self-scores earn no points/);
  });

  it('refuses a damaged practice log and leaves it as it was', async () => {
    await using state = await stateDir();
    await writeFile(join(state.dir, 'log.json'), '{ "version": 1, "attempts": [');
    await expect(recordReflection(state.dir, reflection(kata, parseScores(typed), 'Add an index lifecycle.', rubric, now))).rejects.toThrow(/is damaged: it is not valid JSON.*left as it is/);
    expect(await readFile(join(state.dir, 'log.json'), 'utf8')).toBe('{ "version": 1, "attempts": [');
  });

  it('asks each dimension with its weight, and asks again after an answer it cannot use', async () => {
    const answers = ['4', '0', 'two', '2', '5', '3', '1', '3', '4', 'hmm', 'Move pseudonymisation before the broker.'];
    const said: string[] = [];
    const prompter: Prompter = { ask: async () => answers.shift(), say: (text) => void said.push(text) };
    const { scores, change } = await askReflection(rubric, prompter);
    expect(scores).toEqual(parseScores(typed));
    expect(change).toBe('Move pseudonymisation before the broker.');
    expect(said).toContainEqual(expect.stringMatching(/^\nSecurity Posture \(weight 3\): who can reach what/));
    expect(said.filter((s) => /try again/.test(s))).toHaveLength(3);
    await expect(askReflection(rubric, { ask: async () => undefined, say: () => {} })).rejects.toThrow(/input ended .*Nothing was recorded/);
  });
});
