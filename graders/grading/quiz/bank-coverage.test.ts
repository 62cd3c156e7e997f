import { describe, expect, it } from 'vitest';
import { loadBank } from './bank.ts';
import { bankCoverage, checkYourselfQuestions } from './bank-coverage.ts';

const bank = loadBank();

describe('the bank against the concept pages and the mastery checks', () => {
  const coverage = bankCoverage(bank);

  it('has no tag that points past a page\'s check-yourself list or outside a cluster', () => {
    expect(coverage.problems).toEqual([]);
  });

  it('covers at least one check-yourself question of every concept page, and every cluster\'s mastery check', () => {
    expect(coverage.pages).toHaveLength(15);
    for (const page of coverage.pages) expect(page.questions.some((q) => q.items.length > 0), page.source).toBe(true);
    for (const cluster of [1, 2, 3, 4, 5]) expect(coverage.mastery[cluster], `cluster ${cluster}`).not.toEqual([]);
  });

  it('answers cluster 3\'s mastery check ("three partitions, two consumers") with an item computed by the course\'s broker', () => {
    const items = bank.filter((i) => coverage.mastery[3]!.includes(i.id));
    expect(items.some((i) => i.computed !== undefined)).toBe(true);
  });

  it('reads the questions of a page\'s Check yourself section, one per bullet', () => {
    const questions = checkYourselfQuestions('modules/concepts/01-events-are-facts.md');
    expect(questions).toHaveLength(5);
    expect(questions[1]).toMatch(/^A producer finds a wrong amount/);
  });

  it('refuses a tag that points at a question the page does not have', () => {
    const item = { ...bank.find((i) => i.concept === 1)!, from: { checkYourself: 99 } };
    expect(bankCoverage([item]).problems).toEqual([expect.stringMatching(/has 5 check-yourself questions, not 99/)]);
    const wrongCluster = { ...item, from: { mastery: 5 } };
    expect(bankCoverage([wrongCluster]).problems).toEqual([expect.stringMatching(/not in cluster 5/)]);
  });
});
