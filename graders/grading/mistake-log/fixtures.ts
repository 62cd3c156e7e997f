import type { MistakeEntry } from './mistake-log.ts';

/** A valid entry; tests override the fields they are about. */
export function sampleEntry(overrides: Partial<MistakeEntry> = {}): MistakeEntry {
  return {
    date: '2026-12-01',
    mistake: 'Dedup memory shorter than redelivery',
    symptom: 'a payment applied twice after a ten-minute outage',
    rootCause: 'assumed redelivery always comes within a minute',
    repairEvidence: { kind: 'code', description: 'dedup table keyed by event id, no TTL' },
    retrievalCard: 'Check the longest redelivery gap before choosing a dedup TTL',
    radarRow: 'other',
    ...overrides,
  };
}
