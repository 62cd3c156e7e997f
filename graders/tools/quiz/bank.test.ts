import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../grading/runner/repo-paths.ts';
import { consistencyProblems, loadBank } from '../../grading/quiz/bank.ts';
import { computations } from './computed.ts';

const bank = loadBank();

describe('the question bank (modules/quiz/)', () => {
  it('matches its schema and holds at least 120 items', () => {
    expect(bank.length).toBeGreaterThanOrEqual(120);
  });

  it('gives every item an id of its own', () => {
    const ids = bank.map((item) => item.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('covers every concept from 1 to 15, each from its own concept page', () => {
    expect([...new Set(bank.map((item) => item.concept))].sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    for (const item of bank) {
      expect(item.source, item.id).toMatch(new RegExp(`/${String(item.concept).padStart(2, '0')}-`));
      expect(() => readFileSync(join(repoRoot, item.source)), `${item.id}: ${item.source}`).not.toThrow();
    }
  });

  it('has answers consistent with the options, and an explanation for every item', () => {
    for (const item of bank) {
      expect(consistencyProblems(item), item.id).toEqual([]);
      expect(item.explanation.trim(), item.id).not.toBe('');
    }
  });

  it('gives no answer away by its length: no right option is much longer than every wrong one', () => {
    // Options are shuffled on screen (present() in quiz-order.ts), so position tells a learner
    // nothing, but a right answer that is always the longest does. The slack of ten characters
    // lets a "Yes" stand against a "No".
    const giveaways = bank.flatMap((item) => {
      if (item.kind !== 'single' && item.kind !== 'multiple') return [];
      const right = new Set<string>(item.kind === 'single' ? [item.answer] : item.answer);
      const shortestRight = Math.min(...item.options.filter((o) => right.has(o.key)).map((o) => o.text.length));
      const longestWrong = Math.max(...item.options.filter((o) => !right.has(o.key)).map((o) => o.text.length));
      return shortestRight > 1.3 * longestWrong + 10 ? [`${item.id}: ${shortestRight} characters against ${longestWrong}`] : [];
    });
    expect(giveaways).toEqual([]);
  });

  it('names only computations that exist, and every computation has its item', () => {
    const named = bank.flatMap((item) => (item.computed ? [item.computed] : []));
    expect(named.filter((name) => !(name in computations))).toEqual([]);
    expect(Object.keys(computations).filter((name) => !named.includes(name))).toEqual([]);
  });
});

describe('computed answers, recomputed by running course code', () => {
  const computedItems = bank.filter((item) => item.computed);
  it.each(computedItems.map((item) => [item.id, item] as const))('%s', async (_id, item) => {
    expect(await computations[item.computed!]!()).toBe(item.answer);
  }, 60_000);
});

describe('the concept pages', () => {
  it('each link to their own questions: npm run quiz -- --concept N', () => {
    for (const concept of new Set(bank.map((item) => item.concept))) {
      const page = bank.find((item) => item.concept === concept)!.source;
      expect(readFileSync(join(repoRoot, page), 'utf8'), page).toContain(`npm run quiz -- --concept ${concept}\``);
    }
  });
});
