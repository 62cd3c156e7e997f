import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleEntry } from './fixtures.ts';
import { scoreMistakeLog } from './score-log.ts';

const clinicEvidence = (exercise: string) => sampleEntry({
  exercise,
  repairEvidence: { kind: 'failing-test', description: 'reproduction', test: { file: `exercises/${exercise}/test/reproduce.test.ts`, name: 'x' }, provenBy: 'clinic-legs' },
});

async function score(entries: unknown, passed: string[] = []) {
  const logFile = join(await mkdtemp(join(tmpdir(), 'score-log-')), 'mistake-log.json');
  await writeFile(logFile, typeof entries === 'string' ? entries : JSON.stringify({ version: 1, entries }));
  return scoreMistakeLog({ repo: tmpdir(), logFile, passedClinicItems: new Set(passed) });
}

describe('scoring the mistake log', () => {
  it('gives points only for entries whose evidence the grader confirmed', async () => {
    const result = await score([clinicEvidence('clinic/a/06-x'), clinicEvidence('clinic/a/07-y'), sampleEntry(), sampleEntry()], ['clinic/a/06-x']);
    expect(result.points).toBe(2);
    expect(result.unverified.map((u) => u.why)).toEqual([
      'clinic item clinic/a/07-y did not pass in this run',
      'code evidence is for your report; only a failing test can be checked',
      'code evidence is for your report; only a failing test can be checked',
    ]);
  });

  it('caps the score at five confirmed entries', async () => {
    const items = Array.from({ length: 7 }, (_, i) => `clinic/a/0${i}-x`);
    expect((await score(items.map(clinicEvidence), items)).points).toBe(10);
  });

  it('scores a broken log 0 and says what to fix', async () => {
    const result = await score('{"version": 1, "entries": [');
    expect(result).toMatchObject({ points: 0, maxPoints: 10, problem: expect.stringMatching(/is not valid JSON/) });
  });
});
