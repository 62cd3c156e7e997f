import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inBankKeys } from './answer-check.ts';
import type { Item } from './bank.ts';
import { quizLogFileName } from './quiz-log.ts';
import { quizResult } from './score-quiz.ts';

const option = (key: string, text: string) => ({ key, text, reason: `because ${text}` });
const bank: Item[] = [
  { id: 'one', kind: 'single', prompt: 'p', explanation: 'e', concept: 1, source: 's', options: [option('a', 'right'), option('b', 'wrong')], answer: 'a' },
  { id: 'two', kind: 'numeric', prompt: 'p', explanation: 'e', concept: 2, source: 's', answer: 3 },
];

async function learnerWith(log: unknown): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'quiz-score-'));
  await writeFile(join(root, quizLogFileName), typeof log === 'string' ? log : JSON.stringify(log));
  return root;
}
const at = '2026-12-01T10:00:00.000Z';

describe('the quiz in the grade', () => {
  it('judges each item\'s latest answer again against the bank', async () => {
    const root = await learnerWith({ version: 1, answers: [{ item: 'one', given: 'b', at }, { item: 'one', given: 'a', at }, { item: 'two', given: '4', at }] });
    const result = await quizResult(root, bank);
    expect(result).toMatchObject({ id: 'quiz', testsPassed: 1, testsTotal: 2, points: 0, maxPoints: 0, status: 'failed' });
    expect(result.tests.find((t) => t.name === 'two')).toMatchObject({ status: 'failed', message: expect.stringMatching(/answered 4/) });
    expect(result.hint).toMatch(/self-reported practice/);
  });

  it('never trusts a stored score: a log that carries one is refused by its schema', async () => {
    const root = await learnerWith({ version: 1, score: 10, answers: [{ item: 'two', given: '3', at, right: true }] });
    const result = await quizResult(root, bank);
    expect(result).toMatchObject({ status: 'error', points: 0 });
    expect(result.reason).toMatch(/quiz-log.schema.json/);
  });

  it('fails an answer to a question the bank does not have, and scores a damaged log 0 without touching it', async () => {
    const unknown = await quizResult(await learnerWith({ version: 1, answers: [{ item: 'ghost', given: 'a', at }] }), bank);
    expect(unknown.tests[0]).toMatchObject({ name: 'ghost', status: 'failed', message: 'no such question in the bank' });
    expect(unknown.points).toBe(0);
    const root = await learnerWith('{ "version": 1, "answers": [');
    expect(await quizResult(root, bank)).toMatchObject({ status: 'error', points: 0, reason: expect.stringMatching(/not valid JSON/) });
    expect(await readFile(join(root, quizLogFileName), 'utf8')).toBe('{ "version": 1, "answers": [');
  });

  it('passes only when every bank item\'s latest answer is right, and even then earns 0 points', async () => {
    const root = await learnerWith({ version: 1, answers: [{ item: 'one', given: 'a', at }, { item: 'two', given: '3', at }] });
    expect(await quizResult(root, bank)).toMatchObject({ status: 'passed', points: 0, maxPoints: 0, testsPassed: 2, hint: expect.stringMatching(/count 0 points/) });
    const half = await learnerWith({ version: 1, answers: [{ item: 'one', given: 'a', at }] });
    expect(await quizResult(half, bank)).toMatchObject({ status: 'failed', points: 0, testsPassed: 1, testsTotal: 1 });
  });

  it('refuses a quiz log that is a link, without reading what it points at', async () => {
    const root = await learnerWith({ version: 1, answers: [] });
    const secret = join(root, 'secret.txt');
    await writeFile(secret, 'root:x:0:0');
    await rm(join(root, quizLogFileName));
    await symlink(secret, join(root, quizLogFileName));
    const result = await quizResult(root, bank);
    expect(result).toMatchObject({ status: 'error', points: 0, reason: expect.stringMatching(/not a regular file/) });
    expect(result.reason).not.toContain('root:x');
  });

  it('logs a relettered choice in the bank\'s own keys', () => {
    const shown = { ...bank[0]!, options: [option('a', 'wrong'), option('b', 'right')], answer: 'b' } as Item;
    expect(inBankKeys(shown, bank[0]!, 'B')).toBe('a');
    expect(inBankKeys(bank[1]!, bank[1]!, ' 3 ')).toBe('3');
  });
});
