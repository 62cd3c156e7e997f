import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selectExercises } from '../runner/exercise-catalog.ts';
import type { GradeResults } from './grade-results.ts';
import { withMistakeLog } from './with-mistake-log.ts';

const item = selectExercises(['06-dedup-ttl'])[0]!;
const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

async function learnerWith(answers: 'course' | 'todo'): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'mistake-log-'));
  roots.push(root);
  const from = join(answers === 'course' ? item.solutionFolder! : item.folder, 'answers.md');
  await cp(from, join(root, 'exercises', item.path, 'answers.md'));
  return root;
}

const graded = (status: 'passed' | 'failed'): GradeResults => ({
  schemaVersion: 1, course: 'c', gradedAt: '2026-12-02T10:00:00.000Z', target: 'learner',
  runtime: { node: 'v24', platform: 'linux-x64', durationMs: 1 }, services: {},
  totals: { points: 10, maxPoints: 10, exercises: 1, exercisesPassed: 1, testsPassed: 1, testsTotal: 1 },
  exercises: [{ id: item.meta.id, path: item.path, title: item.meta.title, status, points: 10, maxPoints: 10, testsPassed: 1, testsTotal: 1, durationMs: 1, tests: [] }],
});

describe('the mistake log beside the clinic items', () => {
  it("logs a passed item in the learner's own grade and scores the entry", async () => {
    const root = await learnerWith('course');
    const lines: string[] = [];
    const results = await withMistakeLog(graded('passed'), { learnerRoot: root, selfGraded: true, proven: [{ exercise: item, testName: 'repro' }], log: (l) => lines.push(l) });
    const log = JSON.parse(await readFile(join(root, 'mistake-log.json'), 'utf8'));
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ exercise: item.path, date: '2026-12-02', repairEvidence: { provenBy: 'clinic-legs' } });
    expect(results.exercises.at(-1)).toMatchObject({ id: 'mistake-log', points: 2, maxPoints: 10, testsPassed: 1 });
    expect(results.totals).toMatchObject({ points: 12, maxPoints: 20, exercises: 2 });
  });

  it('writes nothing when the answers still say TODO, and says why', async () => {
    const root = await learnerWith('todo');
    const lines: string[] = [];
    await withMistakeLog(graded('passed'), { learnerRoot: root, selfGraded: true, proven: [{ exercise: item, testName: 'repro' }], log: (l) => lines.push(l) });
    expect(existsSync(join(root, 'mistake-log.json'))).toBe(false);
    expect(lines.join('\n')).toMatch(/06-dedup-ttl: not logged yet: answers\.md: write the "Hidden assumption" section/);
  });

  it("never writes into a checkout it grades for an instructor, and gives a logged item no points once it stops passing", async () => {
    const root = await learnerWith('course');
    await withMistakeLog(graded('passed'), { learnerRoot: root, selfGraded: true, proven: [{ exercise: item, testName: 'repro' }], log: () => {} });
    const before = await readFile(join(root, 'mistake-log.json'), 'utf8');
    const results = await withMistakeLog(graded('failed'), { learnerRoot: root, selfGraded: false, proven: [], log: () => {} });
    expect(await readFile(join(root, 'mistake-log.json'), 'utf8')).toBe(before);
    expect(results.exercises.at(-1)).toMatchObject({ id: 'mistake-log', points: 0, status: 'failed' });
    expect(results.exercises.at(-1)!.firstFailure).toMatch(/did not pass in this run/);
  });

  it('reports a broken log as the reason, and keeps the file as it was', async () => {
    const root = await learnerWith('course');
    await writeFile(join(root, 'mistake-log.json'), '{"version": 1, "entries": [{"date": 3}]}\n');
    const results = await withMistakeLog(graded('passed'), { learnerRoot: root, selfGraded: false, proven: [], log: () => {} });
    expect(results.exercises.at(-1)).toMatchObject({ status: 'error', points: 0 });
    expect(results.exercises.at(-1)!.reason).toMatch(/mistake-log\.json/);
    expect(await readFile(join(root, 'mistake-log.json'), 'utf8')).toBe('{"version": 1, "entries": [{"date": 3}]}\n');
  });
});
