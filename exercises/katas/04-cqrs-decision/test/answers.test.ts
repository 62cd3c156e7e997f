import { describe, expect, it } from 'vitest';
import { decideCqrs } from '../src/decide-cqrs.ts';
import { expectFinishedAnswers, sentences as sentencesOf } from '#graders/testkit/harness/answers.ts';
import { answersText, defensesByScenario, traitWords } from './support/answers-file.ts';
import { scenarioIds, seedScenarios } from './support/seed-scenarios.ts';

const defenses = defensesByScenario(answersText());

function defenseOf(id: string): string {
  const defense = defenses.get(id);
  expect(defense, `answers.md needs a "## ${id} ..." heading with the defense under it`).toBeDefined();
  expect(defense, `replace the TODO under "## ${id}" in answers.md with your defense`).not.toMatch(/\bTODO\b/);
  return defense!;
}

describe('answers.md', () => {
  it('is finished: no TODO left, and clean by the course\'s markdownlint rules', async () => {
    await expectFinishedAnswers(new URL('../answers.md', import.meta.url));
  });
});

describe.each(scenarioIds)('the defense of %s in answers.md', (id) => {
  it('has two or three sentences', () => {
    const sentences = sentencesOf(defenseOf(id));
    expect(sentences.length, `"## ${id}" has ${sentences.length} sentences:\n${sentences.join('\n')}`).toBeGreaterThanOrEqual(2);
    expect(sentences.length, `"## ${id}" has ${sentences.length} sentences:\n${sentences.join('\n')}`).toBeLessThanOrEqual(3);
  });

  it('names the trait that decided it, as decideCqrs reports it', () => {
    const defense = defenseOf(id);
    const { decidingTrait } = decideCqrs(seedScenarios[id]);
    expect(defense, `decideCqrs says "${decidingTrait}" decided ${id}; the defense must say so in words`)
      .toMatch(traitWords[decidingTrait]);
  });
});
