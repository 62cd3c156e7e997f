import type { MistakeEntry } from './mistake-log.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The log as the clinic page's Markdown table, with the radar row and earlier skill added. */
export function mistakeTable(entries: readonly MistakeEntry[]): string {
  const header = ['Date', 'Mistake', 'Symptom', 'Root cause', 'Repair evidence', 'Retrieval card', 'Radar row', 'Earlier skill'];
  const rows = entries.map((entry) => {
    const evidence = entry.repairEvidence;
    const shown = evidence.test ? `${evidence.description} (${evidence.test.file}: ${evidence.test.name}${evidence.commit ? `, fails at ${evidence.commit.slice(0, 7)}` : ''})` : evidence.description;
    return [entry.date, entry.mistake, entry.symptom, entry.rootCause, `${evidence.kind}: ${shown}`, entry.retrievalCard, entry.radarRow, entry.earlierSkill ?? ''];
  });
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}
