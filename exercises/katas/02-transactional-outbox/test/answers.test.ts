import { describe, expect, it } from 'vitest';
import { answerSections, expectFinishedAnswers, section, sentences } from '#graders/testkit/harness/answers.ts';
import { failureModes } from './support/failure-modes.ts';

const answersFile = new URL('../answers.md', import.meta.url);

describe('answers.md', () => {
  it('is finished: no TODO left, and clean by the course\'s markdownlint rules', async () => {
    await expectFinishedAnswers(answersFile);
  });

  it('justifies the outbox index in a sentence or more, naming what it covers', () => {
    const text = section(answerSections(answersFile), 'Index');
    expect(sentences(text).length, 'the Index section: at least one full sentence').toBeGreaterThanOrEqual(1);
    expect(/published_at|unpublished|pending/i.test(text), 'the Index section says the index is about unpublished rows').toBe(true);
  });

  describe.each(failureModes.map((mode) => [mode.heading, mode] as const))('the failure "%s"', (heading, mode) => {
    it(`states its outcome (what the course's tests show: ${mode.outcome}) and why`, () => {
      const text = section(answerSections(answersFile), `Failure modes > ${heading}`);
      const stated = /^Outcome:\s*(lost|duplicated|neither)\b/im.exec(text)?.[1]?.toLowerCase();
      expect(stated, `"${heading}" needs a line "Outcome: lost", "Outcome: duplicated" or "Outcome: neither"`).toBeDefined();
      expect(stated, `"${heading}": what happens to the event?`).toBe(mode.outcome);
      const reasons = sentences(text.replace(/^Outcome:.*$/im, ''));
      expect(reasons.length, `"${heading}": say why in at least one sentence`).toBeGreaterThanOrEqual(1);
    });
  });
});
