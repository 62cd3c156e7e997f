import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** answers.md as a map from heading path (`Choreography > Events`) to the text under it. */
export function answerSections(file: URL): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    expect.fail(`answers.md is missing next to src/: copy the headings from the README into ${file.pathname}`);
  }
  const sections = new Map<string, string>();
  const path: string[] = [];
  let body: string[] = [];
  let inFence = false;
  const flush = () => {
    if (path.length > 0) sections.set(path.join(' > '), body.join('\n').trim());
    body = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    const heading = inFence ? null : /^(#{2,3})\s+(.+?)\s*$/.exec(line);
    if (!heading) {
      body.push(line);
      continue;
    }
    flush();
    const level = heading[1]!.length - 2;
    path.length = level;
    path[level] = heading[2]!;
  }
  flush();
  return sections;
}

/** The text under a heading, which must be there and written (no TODO left). */
export function section(sections: Map<string, string>, name: string): string {
  const body = sections.get(name);
  expect(body, `answers.md needs the heading "${name.split(' > ').at(-1)}" (under "${name.split(' > ')[0]}")`).toBeDefined();
  expect(/\bTODO\b/.test(body!) || body!.trim() === '', `answers.md "${name}" still says TODO or is empty: write it`).toBe(false);
  return body!;
}

/** Sentences in prose: ends at . ! or ? followed by a space or the end. */
export function sentences(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '').replace(/\s+/g, ' ').trim();
  return prose.split(/(?<=[.!?])\s+(?=\S)/).filter((s) => /\w/.test(s));
}

/** Rows of the first Markdown table in a section, as lists of trimmed cells, header and divider left out. */
export function tableRows(text: string): string[][] {
  const rows = text.split('\n').filter((line) => line.trim().startsWith('|'));
  return rows
    .slice(2)
    .map((row) => row.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()));
}
