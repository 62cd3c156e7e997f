import { describe, expect, it } from 'vitest';
import { completionStandard } from './completion.ts';
import { sampleEntry } from './fixtures.ts';

const doneness = (entries: ReturnType<typeof sampleEntry>[]) => completionStandard(entries).map((line) => [line.have, line.done]);
const failingTest = { kind: 'failing-test' as const, description: 'late redelivery test', test: { file: 'test/a.test.ts', name: 'a' }, commit: 'abc1234' };

describe('the completion standard', () => {
  it('is not met by an empty log, and says what to do next', () => {
    const lines = completionStandard([]);
    expect(lines.every((line) => !line.done)).toBe(true);
    expect(lines[0]!.next).toMatch(/npm run mistakes -- add/);
  });

  it('counts five entries for the clinic and ten for the module output separately', () => {
    const five = Array.from({ length: 5 }, () => sampleEntry());
    expect(doneness(five)[0]).toEqual([5, true]);
    expect(doneness(five)[4]).toEqual([5, false]);
  });

  it('counts failing tests and counterexamples, earlier skills, and repairs that changed an artifact', () => {
    const entries = [
      sampleEntry({ repairEvidence: failingTest }),
      sampleEntry({ repairEvidence: { kind: 'counterexample', description: 'a trace' } }),
      sampleEntry({ repairEvidence: { kind: 'review', description: 'a note' }, earlierSkill: 'database transactions (module 2)' }),
    ];
    expect(doneness(entries).slice(1, 4)).toEqual([[2, true], [1, true], [1, true]]);
  });

  it('does not count notes-only evidence as a repair that changed something', () => {
    expect(doneness([sampleEntry({ repairEvidence: { kind: 'review', description: 'a note' } })])[3]).toEqual([0, false]);
  });
});
