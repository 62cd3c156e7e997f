import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseFixture, starterAnswer } from './practice-fixture.ts';
import { recordPass, restoreWork, startAttempt, stopAttempt } from './practice-commands.ts';
import { readLog } from './practice-log.ts';

const kata = 'exercises/katas/01-demo';
const minutes = (n: number) => n * 60_000;

describe('startAttempt', () => {
  it('saves the learner\'s work, puts the committed starter back and starts the clock', async () => {
    await using course = await courseFixture();
    await course.write(`${kata}/src/answer.ts`, 'export const answer = (): number => 41;\n');
    await course.write(`${kata}/answers.md`, '# Answers\n\nMine.\n');

    const { attempt, saved } = await startAttempt(course.ctx, '01-demo');

    expect(await course.read(`${kata}/src/answer.ts`)).toBe(starterAnswer);
    expect(await course.read(`${kata}/answers.md`)).toBe('# Answers\n\nTODO\n');
    expect(saved?.files).toEqual(['answers.md', 'src/answer.ts', 'src/parts/half.ts']);
    expect(attempt).toMatchObject({ kata: 'katas/01-demo', variant: 'whole', startedAt: '2026-03-02T09:00:00.000Z', timeLimitMinutes: 15 });
    expect((await readLog(course.ctx.stateDir)).active).toEqual(attempt);
  });

  it("puts a design kata's design.yaml back with its starter, after saving the learner's", async () => {
    await using course = await courseFixture();
    await course.write(`${kata}/design.yaml`, 'components: []\n');
    course.git('add', '-A');
    course.git('commit', '--quiet', '-m', 'a design.yaml in the starter');
    await course.write(`${kata}/design.yaml`, 'components: [mine]\n');

    const { saved } = await startAttempt(course.ctx, '01-demo');

    expect(await course.read(`${kata}/design.yaml`)).toBe('components: []\n');
    expect(saved?.files).toContain('design.yaml');
  });

  it('restores only the files a variant lists, leaving the rest of the learner\'s work alone', async () => {
    await using course = await courseFixture();
    await course.write(`${kata}/src/answer.ts`, 'export const answer = (): number => 41;\n');
    await course.write(`${kata}/src/parts/half.ts`, 'export const half = 21;\n');

    const { saved } = await startAttempt(course.ctx, '01-demo', 'answer-only');

    expect(await course.read(`${kata}/src/answer.ts`)).toBe(starterAnswer);
    expect(await course.read(`${kata}/src/parts/half.ts`)).toBe('export const half = 21;\n');
    expect(saved?.files).toEqual(['src/answer.ts']);
  });

  it('removes files the learner added to src/ when all of src/ restarts, after saving them', async () => {
    await using course = await courseFixture();
    await course.write(`${kata}/src/extra.ts`, 'export const extra = 1;\n');

    const { saved } = await startAttempt(course.ctx, '01-demo');

    expect(existsSync(join(course.root, kata, 'src/extra.ts'))).toBe(false);
    expect(saved?.files).toContain('src/extra.ts');
  });

  it('refuses to start while another attempt runs, and says how to end it', async () => {
    await using course = await courseFixture();
    await startAttempt(course.ctx, '01-demo');
    await expect(startAttempt(course.ctx, '01-demo')).rejects.toThrow(/still running .*npm run kata -- stop/);
  });

  it('names the katas when the name matches none, and the variants when the variant is unknown', async () => {
    await using course = await courseFixture();
    await expect(startAttempt(course.ctx, '07-nothing')).rejects.toThrow('No kata matches "07-nothing". Katas: 01-demo.');
    await expect(startAttempt(course.ctx, '01-demo', 'mystery')).rejects.toThrow(
      '01-demo has no variant "mystery". Variants: whole, answer-only.',
    );
    expect(existsSync(course.ctx.stateDir)).toBe(false);
  });
});

describe('stopAttempt and recordPass', () => {
  it('stop ends the running attempt as not passed, timed by the injected clock', async () => {
    await using course = await courseFixture();
    await startAttempt(course.ctx, '01-demo');
    course.clock.advance(minutes(7));

    const finished = await stopAttempt(course.ctx);

    expect(finished).toMatchObject({ passed: false, elapsedMs: minutes(7), endedAt: '2026-03-02T09:07:00.000Z' });
    const log = await readLog(course.ctx.stateDir);
    expect(log.active).toBeUndefined();
    expect(log.attempts).toEqual([finished]);
  });

  it('recordPass logs the running attempt as passed with its elapsed time', async () => {
    await using course = await courseFixture();
    const { attempt } = await startAttempt(course.ctx, '01-demo');
    course.clock.advance(minutes(9) + 500);

    expect(await recordPass(course.ctx, attempt.id)).toMatchObject({ passed: true, elapsedMs: minutes(9) + 500 });
  });

  it('recordPass changes nothing once the attempt was stopped from another terminal', async () => {
    await using course = await courseFixture();
    const { attempt } = await startAttempt(course.ctx, '01-demo');
    await stopAttempt(course.ctx);

    expect(await recordPass(course.ctx, attempt.id)).toBeUndefined();
    expect((await readLog(course.ctx.stateDir)).attempts.map((a) => a.passed)).toEqual([false]);
  });

  it('stop with nothing running says how to start', async () => {
    await using course = await courseFixture();
    await expect(stopAttempt(course.ctx)).rejects.toThrow('No attempt is running. Start one with `npm run kata -- start <kata>`.');
  });
});

describe('restoreWork', () => {
  it('brings back the work saved by the last start', async () => {
    await using course = await courseFixture();
    await course.write(`${kata}/src/answer.ts`, 'export const answer = (): number => 41;\n');
    await startAttempt(course.ctx, '01-demo');
    await course.write(`${kata}/src/answer.ts`, 'export const answer = (): number => 42;\n');
    await stopAttempt(course.ctx);

    const restored = await restoreWork(course.ctx, '01-demo');

    expect(restored.kata).toBe('katas/01-demo');
    expect(await course.read(`${kata}/src/answer.ts`)).toBe('export const answer = (): number => 41;\n');
  });

  it('says that nothing was saved when no start ever saved work', async () => {
    await using course = await courseFixture();
    await expect(restoreWork(course.ctx)).rejects.toThrow(/No saved work: practice mode saves your files when you run/);
  });

  it('refuses while an attempt runs, so the attempt is not overwritten by accident', async () => {
    await using course = await courseFixture();
    await startAttempt(course.ctx, '01-demo');
    await expect(restoreWork(course.ctx)).rejects.toThrow(/is running; end it with `npm run kata -- stop`/);
  });
});
