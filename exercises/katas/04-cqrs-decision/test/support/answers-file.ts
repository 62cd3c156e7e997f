import { readFileSync } from 'node:fs';
import type { Trait } from '../../src/scenario.ts';

/** answers.md, read relative to this file so a grader's copy reads its own. */
export const answersText = (): string => readFileSync(new URL('../../answers.md', import.meta.url), 'utf8');

/** The text under each `## 4x ...` heading, keyed by scenario id, Markdown emphasis removed. */
export function defensesByScenario(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  for (const section of markdown.split(/^(?=## )/m)) {
    const id = /^## +(4[a-d])\b/.exec(section)?.[1];
    if (!id) continue;
    const body = section.split('\n').slice(1).join('\n');
    sections.set(id, body.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim());
  }
  return sections;
}

/** The words that name each trait in a defense. */
export const traitWords: Record<Trait, RegExp> = {
  team: /\bteam\b/i,
  invariants: /\binvariants?\b/i,
  'read-sides': /\bread[- ]sides?\b/i,
  audit: /\baudit/i,
  infrastructure: /\binfrastructure\b/i,
};
