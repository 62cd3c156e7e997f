import { describe, expect, it } from 'vitest';
import { decideCqrs } from '../src/decide-cqrs.ts';
import { expectCleanMarkdown } from '#graders/testkit/harness/answers.ts';
import { answersText, sectionsByScenario } from './support/answers-file.ts';
import { callLine, statedCall } from './support/call-line.ts';
import { scenarioIds, seedScenarios } from './support/seed-scenarios.ts';

// Points come only from the Call: line, compared with the call your decideCqrs makes. The
// defense around it is for your reflection and your instructor, and earns nothing alone.

describe.each(scenarioIds)('the call for %s in answers.md', (id) => {
  it('states the call decideCqrs makes: shape, event sourcing and deciding trait', async () => {
    await expectCleanMarkdown(new URL('../answers.md', import.meta.url));
    const section = sectionsByScenario(answersText()).get(id);
    expect(section, `answers.md needs a "## ${id} ..." heading with your call under it`).toBeDefined();
    expect(statedCall(section!, id), `the Call: line of "## ${id}" must say what decideCqrs decides for ${id}`)
      .toBe(callLine(decideCqrs(seedScenarios[id])));
  });
});
