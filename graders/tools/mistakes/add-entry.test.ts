import { describe, expect, it } from 'vitest';
import { askForEntry, type Prompter } from './add-entry.ts';

const rows = ['A command disguised as an event', 'No deduplication in a consumer'];

/** Answers the prompts from a script, and records what was said. */
function scripted(answers: string[]): Prompter & { said: string[]; asked: string[] } {
  const queue = [...answers];
  const said: string[] = [];
  const asked: string[] = [];
  return { said, asked, ask: async (prompt) => (asked.push(prompt), queue.shift()), say: (text) => void said.push(text) };
}

const codeAnswers = ['', 'Dedup TTL too short', 'double charge after an outage', 'redelivery is fast', '3', 'dedup without TTL',
  'Check the longest redelivery gap before picking a TTL', '2', 'caching (module 1)'];

describe('adding a mistake by prompts', () => {
  it('asks every column and builds the entry, with today as the default date', async () => {
    const entry = await askForEntry(scripted(codeAnswers), rows, '2026-12-02');
    expect(entry).toEqual({
      date: '2026-12-02', mistake: 'Dedup TTL too short', symptom: 'double charge after an outage', rootCause: 'redelivery is fast',
      repairEvidence: { kind: 'code', description: 'dedup without TTL' },
      retrievalCard: 'Check the longest redelivery gap before picking a TTL', radarRow: 'No deduplication in a consumer', earlierSkill: 'caching (module 1)',
    });
  });

  it('asks for the test and the commit when the evidence is a failing test', async () => {
    const answers = [...codeAnswers.slice(0, 4), '1', 'a test', 'test/late.test.ts', 'dedup › applies once', 'abc1234', ...codeAnswers.slice(6)];
    const entry = await askForEntry(scripted(answers), rows, '2026-12-02');
    expect(entry.repairEvidence).toEqual({ kind: 'failing-test', description: 'a test', test: { file: 'test/late.test.ts', name: 'dedup › applies once' }, commit: 'abc1234' });
  });

  it('re-asks a card in the wrong form with the rule, and refuses after three wrong answers', async () => {
    const prompter = scripted([...codeAnswers.slice(0, 6), 'Dedup is good', 'remember TTLs', 'TTL!']);
    await expect(askForEntry(prompter, rows, '2026-12-02')).rejects.toThrow(/Retrieval card.*not answered in the form it needs after 3 tries; nothing was written/);
    expect(prompter.said.filter((line) => line.includes('A card begins "Check ... before ..."'))).toHaveLength(3);
  });

  it('refuses the entry when input ends before every column is answered', async () => {
    await expect(askForEntry(scripted(codeAnswers.slice(0, 3)), rows, '2026-12-02')).rejects.toThrow(/Input ended before the entry was complete; nothing was written/);
  });

  it('does not accept an empty mistake', async () => {
    const prompter = scripted(['', '', '', '']);
    await expect(askForEntry(prompter, rows, '2026-12-02')).rejects.toThrow(/Mistake, in a few words/);
    expect(prompter.said[0]).toMatch(/The mistake is required/);
  });
});
