import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { courseFixture } from './practice-fixture.ts';
import { startAttempt } from './practice-commands.ts';
import { logFile, readLog } from './practice-log.ts';
import { practiceSummary } from './practice-summary.ts';

describe('the practice log', () => {
  it('reads as empty before practice mode has ever run', async () => {
    await using course = await courseFixture();
    expect(await readLog(course.ctx.stateDir)).toEqual({ version: 1, attempts: [], saved: [] });
  });

  it('reports a log that is not JSON, says what to do, and leaves the file as it was', async () => {
    await using course = await courseFixture();
    await mkdir(course.ctx.stateDir, { recursive: true });
    await writeFile(logFile(course.ctx.stateDir), '{ "version": 1, ');

    await expect(startAttempt(course.ctx, '01-demo')).rejects.toThrow(
      /log\.json is damaged: it is not valid JSON .*left as it is.*practice-log\.schema\.json.*move it aside/,
    );
    expect(await readFile(logFile(course.ctx.stateDir), 'utf8')).toBe('{ "version": 1, ');
  });

  it('reports a log that breaks its schema, naming the broken field', async () => {
    await using course = await courseFixture();
    await mkdir(course.ctx.stateDir, { recursive: true });
    const broken = JSON.stringify({ version: 1, attempts: [{ id: 'x' }], saved: [] });
    await writeFile(logFile(course.ctx.stateDir), broken);

    await expect(practiceSummary(course.ctx)).rejects.toThrow(/damaged: \/attempts\/0 must have required property/);
    expect(await readFile(logFile(course.ctx.stateDir), 'utf8')).toBe(broken);
  });
});
