import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formatAnswer } from '../../grading/quiz/bank.ts';
import { answersFile, expectedPaper, inTerminal, quiz, scratch, wrongAnswer } from './quiz-fixtures.ts';
import type { QuizState } from './quiz-state.ts';

// Each run starts Node with tsx, several seconds on a busy machine: these tests wait for exits, never for time.
vi.setConfig({ testTimeout: 240_000 });

const readState = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as QuizState;

describe('npm run quiz -- --answers FILE (non-interactive)', () => {
  it('scores a paper of right answers, shows each explanation, and saves every answer', async () => {
    const dir = await scratch();
    const state = join(dir, 'state.json');
    const items = expectedPaper({ concept: 6 }, 3);
    const run = quiz(['--concept', '6', '--seed', '3', '--state', state, '--answers', await answersFile(dir, items.map(formatAnswer))]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Score: ${items.length} of ${items.length} answered`);
    for (const item of items) expect(run.stdout).toContain(item.explanation);
    const saved = await readState(state);
    expect(saved.missed).toEqual([]);
    expect(Object.keys(saved.answered).sort()).toEqual(items.map((i) => i.id).sort());
  });

  it('asks the same seed in the same order, and a missed question first next time', async () => {
    const dir = await scratch();
    const state = join(dir, 'state.json');
    const first = expectedPaper({ cluster: 3 }, 11);
    const missedItem = first[4]!;
    const lines = first.map((item) => (item === missedItem ? wrongAnswer(item) : formatAnswer(item)));
    const run = quiz(['--cluster', '3', '--seed', '11', '--state', state, '--answers', await answersFile(dir, lines)]);
    expect(run.status, run.stderr).toBe(0);
    const shown = [...run.stdout.matchAll(/Question \d+ of \d+ \(concept \d+, ([a-z0-9-]+)\)/g)].map((m) => m[1]);
    expect(shown).toEqual(first.map((i) => i.id));
    expect(run.stdout).toContain('Not quite.');
    expect((await readState(state)).missed).toEqual([missedItem.id]);
    const again = quiz(['--cluster', '3', '--seed', '11', '--state', state], '');
    expect(again.stdout).toMatch(new RegExp(`Question 1 of ${first.length} \\(concept \\d+, ${missedItem.id}\\)`));
  });

  it('explains a key that is no option and asks again; at the end of input it stops, exits 1 and keeps what was answered', async () => {
    const dir = await scratch();
    const state = join(dir, 'state.json');
    await writeFile(state, JSON.stringify({ version: 1, missed: ['old-item'], answered: { 'old-item': { right: 0, wrong: 1 } } }));
    const items = expectedPaper({ concept: 1 }, 5, ['old-item']);
    const run = quiz(['--concept', '1', '--seed', '5', '--state', state, '--answers', await answersFile(dir, ['z', formatAnswer(items[0]!)])]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/"z" is no option here: the keys are a, b, c/);
    expect(run.stdout).toContain('End of input after 1 of 8 questions. Your answers so far are saved');
    const saved = await readState(state);
    expect(saved.answered['old-item']).toEqual({ right: 0, wrong: 1 });
    expect(saved.answered[items[0]!.id]).toEqual({ right: 1, wrong: 0 });
  });

  it('refuses an unknown concept with a message and exit code 2 (the other bad arguments: quiz-units.test.ts)', () => {
    const run = quiz(['--concept', '16']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--concept takes a whole number from 1 to 15, not "16"/);
    expect(run.stderr).toContain('Usage: npm run quiz');
  });

  it('refuses a damaged state file and leaves it as it was', async () => {
    const state = join(await scratch(), 'state.json');
    await writeFile(state, '{ "version": 1, "missed": [');
    const run = quiz(['--concept', '1', '--state', state], 'a\n');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is not valid JSON\. It holds your quiz progress/);
    expect(await readFile(state, 'utf8')).toBe('{ "version": 1, "missed": [');
  });
});

describe('npm run diagnostic', () => {
  it.each([
    [3, /Solid answers: 3 of 5\. Continue, but expect extra time in clusters 2 and 4/],
  ])('asks the guide\'s five questions in order and interprets %i right', async (right, verdict) => {
    const dir = await scratch();
    const state = join(dir, 'state.json');
    const items = expectedPaper({ diagnostic: true }, 8);
    const lines = items.map((item, i) => (i < right ? formatAnswer(item) : wrongAnswer(item)));
    const run = quiz(['--diagnostic', '--seed', '8', '--state', state, '--answers', await answersFile(dir, lines)]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(verdict);
    expect(run.stdout).toContain('What is the difference between "the user clicked Buy" and "charge the user\'s card"?');
    expect((await readState(state)).diagnostic).toMatchObject({ score: right, of: 5 });
    // The diagnostic's answers go to the committed log too, marked as the diagnostic's, so progress can see it was taken.
    const log = JSON.parse(await readFile(join(dir, 'quiz-log.json'), 'utf8')) as { answers: { item: string; paper: string }[] };
    expect(log.answers.map((a) => [a.item, a.paper])).toEqual(items.map((i) => [i.id, 'diagnostic']));
  });
});

describe('npm run quiz in a real terminal (util-linux script)', () => {
  it('takes typed answers, reads the explanations back, and ends cleanly on Ctrl-D', async () => {
    const dir = await scratch();
    const state = join(dir, 'state.json');
    const items = expectedPaper({ concept: 2 }, 5);
    const { screen, code } = await inTerminal(['--concept', '2', '--seed', '5', '--state', state], ['q', formatAnswer(items[0]!), wrongAnswer(items[1]!)]);
    expect(code).toBe(1);
    expect(screen).toMatch(/"q" is no option here/);
    expect(screen).toContain(items[0]!.explanation);
    expect(screen).toContain(items[1]!.explanation);
    expect(screen).toContain('End of input after 2 of');
    const saved = await readState(state);
    expect(saved.answered[items[0]!.id]).toEqual({ right: 1, wrong: 0 });
    expect(saved.missed).toEqual([items[1]!.id]);
  });
});

describe('npm run quiz records answers in quiz-log.json', () => {
  it('logs every answer in the bank\'s keys, and the grader scores the log from the bank', async () => {
    const { quizResult } = await import('../../grading/quiz/score-quiz.ts');
    const dir = await scratch();
    const items = expectedPaper({ concept: 6 }, 3);
    const run = quiz(['--concept', '6', '--seed', '3', '--state', join(dir, 'state.json'), '--answers', await answersFile(dir, items.map(formatAnswer))]);
    expect(run.status, run.stderr).toBe(0);
    const log = JSON.parse(await readFile(join(dir, 'quiz-log.json'), 'utf8')) as { answers: { item: string; given: string; paper: string }[] };
    expect(log.answers.map((a) => a.item)).toEqual(items.map((i) => i.id));
    expect(log.answers.every((a) => a.paper === 'quiz')).toBe(true);
    const graded = await quizResult(dir);
    expect(graded.testsPassed).toBe(items.length);
    expect(graded.tests.every((t) => t.status === 'passed')).toBe(true);
  });
});

describe('npm run quiz -- --coverage', () => {
  it('lists the check-yourself questions and mastery checks with the items that ask them', () => {
    const run = quiz(['--coverage']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Concept 9 \(modules\/concepts\/09-consumer-groups-and-partitions\.md\)\n {2}1\. Draw a topic with three partitions[^\n]*\n {5}quiz: cg-three-partitions-two-consumers/);
    expect(run.stdout).toMatch(/\d+ of \d+ check-yourself questions have a bank item\./);
    expect(run.stdout).not.toContain('Problem:');
  });
});

describe('a damaged quiz-log.json', () => {
  it('is refused before the first question and left as it was', async () => {
    const dir = await scratch();
    const log = join(dir, 'quiz-log.json');
    await writeFile(log, '{ "version": 1, "answers": [');
    const run = quiz(['--concept', '1', '--state', join(dir, 'state.json')], 'a\n');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/quiz-log\.json is not valid JSON[^\n]*repair it; nothing was changed/);
    expect(run.stdout).not.toContain('Question 1');
    expect(await readFile(log, 'utf8')).toBe('{ "version": 1, "answers": [');
  });
});
