import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../runner/repo-paths.ts';
import { clusters, type Item } from './bank.ts';

/** The questions of a concept page's "Check yourself" section, one per top-level bullet. */
export function checkYourselfQuestions(source: string, root = repoRoot): string[] {
  const page = readFileSync(join(root, source), 'utf8');
  const section = page.split(/^## Check yourself\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  return section.split('\n').filter((line) => line.startsWith('- ')).map((line) => line.slice(2).trim());
}

export interface Coverage {
  /** Per concept page: each check-yourself question and the bank items that ask it. */
  pages: { concept: number; source: string; questions: { n: number; text: string; items: string[] }[] }[];
  /** Per cluster of the module guide: the items that ask its mastery check. */
  mastery: Record<number, string[]>;
  /** Tags that point at nothing: a question number past the page's list, a cluster the concept is not in. */
  problems: string[];
}

/** Which check-yourself questions and mastery checks the bank covers, from the items' `from` tags. */
export function bankCoverage(bank: readonly Item[], root = repoRoot): Coverage {
  const problems: string[] = [];
  const pages = [...new Map(bank.map((i) => [i.concept, i.source])).entries()].sort(([a], [b]) => a - b).map(([concept, source]) => {
    const questions = checkYourselfQuestions(source, root).map((text, i) => ({ n: i + 1, text, items: [] as string[] }));
    for (const item of bank.filter((i) => i.concept === concept && i.from?.checkYourself !== undefined)) {
      const question = questions[item.from!.checkYourself! - 1];
      if (question) question.items.push(item.id);
      else problems.push(`${item.id}: ${source} has ${questions.length} check-yourself questions, not ${item.from!.checkYourself}`);
    }
    return { concept, source, questions };
  });
  const mastery: Record<number, string[]> = { 1: [], 2: [], 3: [], 4: [], 5: [] };
  for (const item of bank.filter((i) => i.from?.mastery !== undefined)) {
    const cluster = item.from!.mastery!;
    if (clusters[cluster]?.includes(item.concept)) mastery[cluster]!.push(item.id);
    else problems.push(`${item.id}: concept ${item.concept} is not in cluster ${cluster}, whose mastery check it claims`);
  }
  return { pages, mastery, problems };
}
