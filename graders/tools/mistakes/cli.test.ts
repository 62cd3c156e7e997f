import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleEntry } from '../../grading/mistake-log/fixtures.ts';

const cli = new URL('./cli.ts', import.meta.url).pathname;
const mistakes = (args: string[], input = '') =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { input, encoding: 'utf8', timeout: 60_000 });
const logIn = async () => join(await mkdtemp(join(tmpdir(), 'mistakes-cli-')), 'mistake-log.json');

describe('npm run mistakes', () => {
  it('lists an empty log with every line of the standard not yet done', async () => {
    const run = mistakes(['--log', await logIn()]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/No mistakes logged yet/);
    expect(run.stdout.match(/not yet/g)).toHaveLength(5);
  });

  it('lists a valid log and shows which lines of the standard are done', async () => {
    const file = await logIn();
    await writeFile(file, JSON.stringify({ version: 1, entries: Array.from({ length: 5 }, (_, i) => sampleEntry({ mistake: `mistake ${i + 1}` })) }));
    const run = mistakes(['--log', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/5\. 2026-12-01 {2}mistake 5/);
    expect(run.stdout).toMatch(/done\s+At least five real mistakes are logged \(clinic\): 5 of 5/);
  });

  it('names the file and the field of a broken log, exits 2, and changes nothing', async () => {
    const file = await logIn();
    const broken = JSON.stringify({ version: 1, entries: [sampleEntry({ date: 'yesterday' })] });
    await writeFile(file, broken);
    for (const command of [[], ['add'], ['table']]) {
      const run = mistakes([...command, '--log', file], 'more\n');
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/mistake-log\.json does not match .*\n.*\/entries\/0\/date must match format "date"/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(await readFile(file, 'utf8')).toBe(broken);
  });

  it('adds an entry answered on standard input, and renders it as a table row', async () => {
    const file = await logIn();
    const answers = ['2026-12-02', 'Dedup TTL too short', 'double charge after an outage', 'redelivery is fast', '3',
      'dedup without TTL', 'Check the longest redelivery gap before picking a TTL', '11', ''];
    const added = mistakes(['add', '--log', file], `${answers.join('\n')}\n`);
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/Logged as entry 1/);
    const table = mistakes(['table', '--log', file]);
    expect(table.stdout.split('\n')[2]).toBe(
      '| 2026-12-02 | Dedup TTL too short | double charge after an outage | redelivery is fast | code: dedup without TTL | Check the longest redelivery gap before picking a TTL | other |  |',
    );
  });

  it('writes nothing when input ends halfway through an entry', async () => {
    const file = await logIn();
    const run = mistakes(['add', '--log', file], '2026-12-02\nhalf an entry\n');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Input ended before the entry was complete; nothing was written/);
    expect(mistakes(['--log', file]).stdout).toMatch(/No mistakes logged yet/);
  });
});
