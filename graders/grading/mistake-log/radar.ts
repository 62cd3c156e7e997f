import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../runner/repo-paths.ts';

/** The clinic page is the one place the radar is written; the log's radarRow must name a row of it. */
export const clinicPage = join(repoRoot, 'modules', 'practice', 'mistake-clinic.md');

/** The "Mistake" cell of every row of the page's radar table, in page order. */
export function radarRows(page = clinicPage): string[] {
  const text = readFileSync(page, 'utf8');
  const section = text.slice(text.indexOf('## The mistake radar'));
  const lines = section.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('|'));
  const table = lines.slice(start, end === -1 ? undefined : end);
  // Header row, separator row, then one row per trap.
  return table.slice(2).map((row) => row.split('|')[1]!.trim()).filter((cell) => cell.length > 0);
}

/** A radarRow value the log accepts: a row of the radar, or "other" for a mistake of one's own. */
export function radarRowProblem(value: string, rows = radarRows()): string | undefined {
  if (value === 'other' || rows.includes(value)) return undefined;
  return `radarRow "${value}" is not a row of the radar in modules/practice/mistake-clinic.md; use one of: ${rows.map((row) => `"${row}"`).join(', ')}, or "other".`;
}
