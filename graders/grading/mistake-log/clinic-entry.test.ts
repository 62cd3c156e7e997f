import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Exercise } from '../runner/exercise-catalog.ts';
import { clinicEntry, recordClinicEntry } from './clinic-entry.ts';
import { readMistakeLog } from './mistake-log.ts';

const item = {
  path: 'clinic/saga-and-idempotency/06-dedup-ttl',
  meta: {
    id: '06-dedup-ttl', title: 'Clinic: a dedup memory that forgets before redelivery stops', kind: 'clinic',
    clinic: { practice: 'saga-and-idempotency', statement: 6, radarRow: 'A dedup memory shorter than redelivery can be', reproductionPoints: 3, cardMustName: ['dedup', 'retention'] },
  },
} as unknown as Exercise;
const answers = (assumption: string, card: string) => `# Answers\n\n## Hidden assumption\n\n${assumption}\n\n## Retrieval card\n\n${card}\n`;
const proven = { testName: 'ledger › credits twice', date: '2026-12-02' };

describe("a passed clinic item's log entry", () => {
  it('takes the assumption and card from answers.md and the proven reproduction as evidence', () => {
    const { entry } = clinicEntry(item, answers('Redelivery is\nalways fast.', 'Check the topic retention before choosing a dedup TTL'), proven);
    expect(entry).toMatchObject({
      mistake: 'a dedup memory that forgets before redelivery stops', rootCause: 'Redelivery is always fast.',
      retrievalCard: 'Check the topic retention before choosing a dedup TTL', radarRow: 'A dedup memory shorter than redelivery can be',
      repairEvidence: { kind: 'failing-test', provenBy: 'clinic-legs', test: { file: 'exercises/clinic/saga-and-idempotency/06-dedup-ttl/test/reproduce.test.ts', name: 'ledger › credits twice' } },
    });
  });

  it('logs nothing, and says why, for a TODO, a card out of form, or a card that names nothing of the exercise', () => {
    expect(clinicEntry(item, answers('TODO: the belief', 'Check x before y'), proven).problem).toMatch(/"Hidden assumption" section/);
    expect(clinicEntry(item, answers('Fast redelivery.', 'Always keep ids'), proven).problem).toMatch(/must be one line beginning "Check ... before ..."/);
    expect(clinicEntry(item, answers('Fast redelivery.', 'Check the weather before leaving'), proven).problem).toMatch(/names nothing from this exercise; use one of: dedup, retention/);
    expect(clinicEntry(item, undefined, proven).problem).toMatch(/Hidden assumption/);
  });

  it('replaces the same item\'s earlier entry instead of adding a second', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'clinic-entry-')), 'mistake-log.json');
    const first = clinicEntry(item, answers('Fast redelivery.', 'Check the topic retention before choosing a dedup TTL'), proven).entry!;
    await recordClinicEntry(file, first);
    await recordClinicEntry(file, { ...first, retrievalCard: 'Check the replay horizon before pruning dedup ids', date: '2026-12-09' });
    const { entries } = await readMistakeLog(file);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ retrievalCard: 'Check the replay horizon before pruning dedup ids', date: '2026-12-02' });
  });
});
