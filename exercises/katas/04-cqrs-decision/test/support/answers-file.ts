import { readFileSync } from 'node:fs';

/** answers.md, read relative to this file so a grader's copy reads its own. */
export const answersText = (): string => readFileSync(new URL('../../answers.md', import.meta.url), 'utf8');

/** The text under each `## 4x ...` heading, keyed by scenario id, lines kept. */
export function sectionsByScenario(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  for (const section of markdown.split(/^(?=## )/m)) {
    const id = /^## +(4[a-d])\b/.exec(section)?.[1];
    if (id) sections.set(id, section.split('\n').slice(1).join('\n').trim());
  }
  return sections;
}
