import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleEntry } from './fixtures.ts';
import { appendMistake, readMistakeLog, writeMistakeLog } from './mistake-log.ts';
import { radarRowProblem, radarRows } from './radar.ts';

const logIn = async () => join(await mkdtemp(join(tmpdir(), 'mistake-log-')), 'mistake-log.json');

describe('the mistake log file', () => {
  it('reads a missing file as an empty log', async () => {
    expect(await readMistakeLog(await logIn())).toEqual({ version: 1, entries: [] });
  });

  it('names the file and the position when it is not JSON, and leaves it as it was', async () => {
    const file = await logIn();
    await writeFile(file, '{"version": 1,');
    await expect(appendMistake(file, sampleEntry())).rejects.toThrow(/mistake-log\.json is not valid JSON .*position.*nothing was changed/);
    expect(await readFile(file, 'utf8')).toBe('{"version": 1,');
  });

  it('names the file and each broken field when it breaks the schema', async () => {
    const file = await logIn();
    await writeFile(file, JSON.stringify({ version: 1, entries: [sampleEntry({ retrievalCard: 'Remember dedup' })] }));
    await expect(readMistakeLog(file)).rejects.toThrow(/mistake-log\.json does not match .*\n.*\/entries\/0\/retrievalCard must match pattern/);
  });

  it('appends a valid entry and keeps the ones before it', async () => {
    const file = await logIn();
    await appendMistake(file, sampleEntry({ mistake: 'first one' }));
    await appendMistake(file, sampleEntry({ mistake: 'second one' }));
    expect((await readMistakeLog(file)).entries.map((e) => e.mistake)).toEqual(['first one', 'second one']);
    expect(readdirSync(join(file, '..'))).toEqual(['mistake-log.json']);
  });

  it('refuses an entry whose card is in the wrong form, writing nothing', async () => {
    const file = await logIn();
    await writeMistakeLog(file, { version: 1, entries: [sampleEntry()] });
    const before = await readFile(file, 'utf8');
    await expect(appendMistake(file, sampleEntry({ retrievalCard: 'Always dedup' }))).rejects.toThrow(/\/entries\/1\/retrievalCard .*Nothing was written/s);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('requires a test and a commit for failing-test evidence', async () => {
    const file = await logIn();
    const entry = sampleEntry({ repairEvidence: { kind: 'failing-test', description: 'a redelivery after ten minutes' } });
    await expect(appendMistake(file, entry)).rejects.toThrow(/must have required property 'test'/);
    expect(existsSync(file)).toBe(false);
  });
});

describe('the radar rows', () => {
  it('are read from the clinic page, ten of them', () => {
    const rows = radarRows();
    expect(rows).toHaveLength(10);
    expect(rows[0]).toBe('A command disguised as an event');
  });

  it('accept a row of the page or "other", and list the rows otherwise', () => {
    expect(radarRowProblem('other')).toBeUndefined();
    expect(radarRowProblem(radarRows()[2]!)).toBeUndefined();
    expect(radarRowProblem('Made up')).toMatch(/is not a row of the radar .*"A command disguised as an event"/);
  });
});
