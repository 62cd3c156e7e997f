import type { Coverage } from '../../grading/quiz/bank-coverage.ts';

/** The coverage as a screen: every check-yourself question, covered or not, then the mastery checks. */
export function renderCoverage(coverage: Coverage): string {
  const lines: string[] = [];
  let covered = 0;
  let total = 0;
  for (const page of coverage.pages) {
    lines.push(`Concept ${page.concept} (${page.source})`);
    for (const q of page.questions) {
      total += 1;
      if (q.items.length > 0) covered += 1;
      const text = q.text.length > 70 ? `${q.text.slice(0, 67)}...` : q.text;
      lines.push(`  ${q.n}. ${text}\n     ${q.items.length > 0 ? `quiz: ${q.items.join(', ')}` : 'not in the bank (a question to reason through on paper)'}`);
    }
  }
  lines.push('', 'Cluster mastery checks');
  for (const [cluster, items] of Object.entries(coverage.mastery)) lines.push(`  ${cluster}. ${items.length > 0 ? items.join(', ') : 'not in the bank'}`);
  lines.push('', `${covered} of ${total} check-yourself questions have a bank item.`);
  for (const problem of coverage.problems) lines.push(`Problem: ${problem}`);
  return lines.join('\n');
}
