import { describe, expect, it } from 'vitest';
import { answerSections, section, sentences } from '#graders/testkit/harness/answers.ts';

const answers = () => answerSections(new URL('../answers.md', import.meta.url));

describe('answers.md, the decision again with 30 engineers in five teams', () => {
  it('picks one version for the larger organisation', () => {
    const pick = section(answers(), 'Decision at 30 engineers > Pick').toLowerCase();
    expect(['choreography', 'orchestration'].filter((v) => pick.includes(v)), 'name exactly one version').toHaveLength(1);
  });

  it('defends it in three sentences, one of which weighs the team size', () => {
    const defense = sentences(section(answers(), 'Decision at 30 engineers > Defense'));
    expect(defense.length, `the defense has ${defense.length} sentences; write exactly three`).toBe(3);
    expect(defense.some((s) => /\b(team|teams|engineers|owners?|ownership)\b/i.test(s)),
      'one sentence must say how the team size moves (or does not move) the decision').toBe(true);
  });

  it('says whether the pick changed from the default and why', () => {
    const change = section(answers(), 'Decision at 30 engineers > Change');
    expect(/\b(changed|unchanged|same|different|kept|switched)\b/i.test(change),
      'say whether the pick changed (changed / unchanged) and why').toBe(true);
  });
});
