import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseJsonc } from 'jsonc-parser';
import { lint } from 'markdownlint/promise';
import { expect } from 'vitest';
import { markdownSections } from './markdown-sections.ts';

/** A learner's answers.md as a map from heading path to the text under it (see markdownSections). */
export function answerSections(file: URL): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    expect.fail(`answers.md is missing: copy the starter's answers.md (with its headings) to ${fileURLToPath(file)}`);
  }
  return markdownSections(text);
}

/** The text under a heading, which must be there and written (no TODO left). */
export function section(sections: Map<string, string>, name: string): string {
  const body = sections.get(name);
  const parts = name.split(' > ');
  expect(body, `answers.md needs the heading "${parts.at(-1)}"${parts.length > 1 ? ` (under "${parts[0]}")` : ''}`).toBeDefined();
  expect(/\bTODO\b/.test(body!) || body!.trim() === '', `answers.md "${name}" still says TODO or is empty: write it`).toBe(false);
  return body!;
}

/** Sentences of the prose in a section (code blocks left out), as a reader would count them. */
export function sentences(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  return [...segmenter.segment(prose)].map((part) => part.segment.trim()).filter((s) => /\w/.test(s));
}

/** Rows of the first Markdown table in a section, as lists of trimmed cells, header and divider left out. */
export function tableRows(text: string): string[][] {
  const rows = text.split('\n').filter((line) => line.trim().startsWith('|'));
  return rows
    .slice(2)
    .map((row) => row.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()));
}

const courseConfig = (() => {
  const file = join(fileURLToPath(new URL('../../../', import.meta.url)), '.markdownlint-cli2.jsonc');
  return (parseJsonc(readFileSync(file, 'utf8')) as { config: Record<string, unknown> }).config;
})();

/**
 * answers.md is finished: no TODO placeholder left, and markdownlint passes with the course's
 * own rules (each problem listed with its line). The starter's placeholders are valid
 * Markdown, so without the first check an untouched answers.md would earn points.
 */
export async function expectFinishedAnswers(file: URL): Promise<void> {
  const path = fileURLToPath(file);
  const placeholders = readFileSync(path, 'utf8').split('\n').flatMap((line, index) => (/\bTODO\b/.test(line) ? [index + 1] : []));
  expect(placeholders, `answers.md still has TODO placeholders on lines ${placeholders.join(', ')}: write those parts`).toEqual([]);
  await expectCleanMarkdown(file);
}

/** answers.md passes markdownlint with the course's own rules, each problem listed with its line. */
export async function expectCleanMarkdown(file: URL): Promise<void> {
  const path = fileURLToPath(file);
  const results = await lint({ files: [path], config: courseConfig });
  const problems = (results[path] ?? []).map(
    (issue) => `  line ${issue.lineNumber}: ${issue.ruleNames.join('/')} ${issue.ruleDescription}${issue.errorDetail ? ` (${issue.errorDetail})` : ''}`,
  );
  expect(problems, `answers.md has Markdown problems (npx markdownlint-cli2 --fix fixes many):\n${problems.join('\n')}`).toEqual([]);
}
