import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selectExercises } from '../runner/exercise-catalog.ts';
import { sampleResults } from '../report/sample-results.ts';
import { collectResults } from './collect-results.ts';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));
const exercises = selectExercises([]);

/** Artifacts as the class workflow's download step lays them out: one folder per shard. */
async function artifacts(files: Record<string, string>): Promise<{ dir: string; out: string }> {
  const root = await mkdtemp(join(tmpdir(), 'collect-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, 'collected', path, '..'), { recursive: true });
    await writeFile(join(root, 'collected', path), text);
  }
  return { dir: join(root, 'collected'), out: join(root, 'report') };
}
const valid = JSON.stringify(sampleResults());
const csvRows = async (out: string) => (await readFile(join(out, 'grades.csv'), 'utf8')).trim().split('\r\n');

describe("merging the shards' results", () => {
  it('gives one row per learner across every shard, with the points each results file holds', async () => {
    const { dir, out } = await artifacts({ 'results-shard-1/ada/grade.json': valid, 'results-shard-2/bob/grade.json': valid });
    const grades = await collectResults({ dir, outDir: out, exercises, log: () => {} });
    expect(grades.map((g) => [g.learner, g.results.totals.points, g.problem])).toEqual([['ada', 15, undefined], ['bob', 15, undefined]]);
    const rows = await csvRows(out);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^ada,15,/);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toMatch(/Submissions: 2 learners/);
  });

  it('reports a malformed file, a file that breaks the schema, a learner found twice and one missing, without stopping', async () => {
    const broken = { ...sampleResults(), totals: 'lots' };
    const { dir, out } = await artifacts({
      'results-shard-1/ada/grade.json': valid,
      'results-shard-1/bob/grade.json': '{"schemaVersion": 1, "tot',
      'results-shard-2/cy/grade.json': JSON.stringify(broken),
      'results-shard-1/dee/grade.json': valid,
      'results-shard-2/dee/grade.json': valid,
    });
    const lines: string[] = [];
    const roster = ['ada', 'bob', 'cy', 'dee', 'eve'].map((learner) => ({ learner, repository: `class/${learner}` }));
    const grades = await collectResults({ dir, outDir: out, exercises, roster, log: (line) => lines.push(line) });
    const problem = (learner: string) => grades.find((g) => g.learner === learner)!.problem;
    expect(problem('ada')).toBeUndefined();
    expect(problem('bob')).toMatch(/bob\/grade\.json is not JSON/);
    expect(problem('cy')).toMatch(/cy\/grade\.json is not a results file: .*totals/);
    expect(problem('dee')).toMatch(/found 2 times/);
    expect(problem('eve')).toMatch(/no results: the shard that grades this learner failed or was cancelled/);
    expect(grades.filter((g) => g.problem).every((g) => g.results.totals.points === 0)).toBe(true);
    expect(lines[0]).toBe("Collected 1 learner(s)' results; 4 with a problem:");
    expect((await csvRows(out)).map((row) => row.split(',')[0])).toEqual(['learner', 'ada', 'bob', 'cy', 'dee', 'eve']);
  });

  it('leaves no half-written report behind and replaces an earlier one whole', async () => {
    const { dir, out } = await artifacts({ 'results-shard-1/ada/grade.json': valid });
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'grades.csv'), 'stale\r\n');
    await collectResults({ dir, outDir: out, exercises, log: () => {} });
    expect((await readdir(out)).sort()).toEqual(['grades.csv', 'report.html']);
    expect(await readFile(join(out, 'grades.csv'), 'utf8')).toMatch(/^learner,points/);
  });

  it('says what to do when the folder is missing or holds no results, and writes nothing', async () => {
    const { dir, out } = await artifacts({ 'results-shard-1/readme.txt': 'empty shard' });
    await expect(collectResults({ dir: join(dir, 'nope'), outDir: out, exercises, log: () => {} })).rejects.toThrow(/no such folder; download the shards' artifacts/);
    await expect(collectResults({ dir, outDir: out, exercises, log: () => {} })).rejects.toThrow(/no <learner>\/grade\.json anywhere/);
    expect(existsSync(out)).toBe(false);
  });
});
