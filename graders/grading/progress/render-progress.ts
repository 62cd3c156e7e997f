import type { ProgressLine } from './progress.ts';

const mark = (done: boolean) => (done ? 'done' : 'not yet');
const sections = (lines: readonly ProgressLine[]) => [...new Set(lines.map((l) => l.section))];

/** The terminal screen: one block per section, one line per rule. */
export function renderProgressText(lines: readonly ProgressLine[]): string {
  const done = lines.filter((l) => l.done).length;
  const out = [`Module 3 progress: ${done} of ${lines.length} lines done`];
  for (const section of sections(lines)) {
    out.push('', section);
    for (const l of lines.filter((x) => x.section === section)) {
      out.push(`  [${l.done ? 'x' : ' '}] ${l.rule}: ${l.have}${l.next ? `\n        next: ${l.next}` : ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The same view as a Markdown section, for the GitHub job summary. */
export function renderProgressMarkdown(lines: readonly ProgressLine[]): string {
  const out = ['## Progress against the module', '', '| Section | Line | Status | Now | Next |', '| --- | --- | --- | --- | --- |'];
  for (const l of lines) out.push(`| ${l.section} | ${cell(l.rule)} | ${mark(l.done)} | ${cell(l.have)} | ${cell(l.next) || '—'} |`);
  return `${out.join('\n')}\n\n`;
}

const esc = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The same view as an HTML section, for the HTML report. */
export function renderProgressHtml(lines: readonly ProgressLine[]): string {
  const rows = lines.map((l) => `<tr class="${l.done ? 'done' : 'open'}"><td>${esc(l.section)}</td><td>${esc(l.rule)}</td><td>${mark(l.done)}</td><td>${esc(l.have)}</td><td>${esc(l.next)}</td></tr>`);
  return `<section id="progress"><h2>Progress against the module</h2>\n<table><thead><tr><th>Section</th><th>Line</th><th>Status</th><th>Now</th><th>Next</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table></section>\n`;
}
