import type { ProgressLine } from './progress.ts';

const mark = (done: boolean) => (done ? 'done' : 'not yet');
const sections = (lines: readonly ProgressLine[]) => [...new Set(lines.map((l) => l.section))];

/** The terminal screen: one block per section, one line per rule. */
export function renderProgressText(lines: readonly ProgressLine[]): string {
  const out = [`Module 3 progress: ${progressCount(lines)}`];
  for (const section of sections(lines)) {
    out.push('', section);
    for (const l of lines.filter((x) => x.section === section)) {
      out.push(`  [${l.done ? 'x' : ' '}] ${l.rule}: ${l.have}${l.next ? `\n        next: ${l.next}` : ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}

// Learner-written text (a practice variant) must not become markup in the job summary either.
const cell = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The same view as a Markdown section, for the GitHub job summary. */
export function renderProgressMarkdown(lines: readonly ProgressLine[]): string {
  const out = ['## Progress against the module', '', '| Section | Line | Status | Now | Next |', '| --- | --- | --- | --- | --- |'];
  for (const l of lines) out.push(`| ${l.section} | ${cell(l.rule)} | ${mark(l.done)} | ${cell(l.have)} | ${cell(l.next) || '—'} |`);
  return `${out.join('\n')}\n\n`;
}

/** Escapes text (much of it from learner-written logs) for HTML text and attribute values. */
export const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

/** The view's table alone, for a page that shows it more than once (one per learner). */
export function renderProgressTable(lines: readonly ProgressLine[]): string {
  const esc = escapeHtml;
  const rows = lines.map((l) => `<tr class="${l.done ? 'done' : 'open'}"><td>${esc(l.section)}</td><td>${esc(l.rule)}</td><td>${mark(l.done)}</td><td>${esc(l.have)}</td><td>${esc(l.next)}</td></tr>`);
  return `<table class="progress"><thead><tr><th>Section</th><th>Line</th><th>Status</th><th>Now</th><th>Next</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/** The same view as an HTML section, for a page of its own (`npm run progress -- --html`). */
export function renderProgressHtml(lines: readonly ProgressLine[]): string {
  return `<section id="progress"><h2>Progress against the module</h2>\n${renderProgressTable(lines)}</section>\n`;
}

/** The one-line count the text view starts with, reused as a per-learner heading. */
export function progressCount(lines: readonly ProgressLine[]): string {
  return `${lines.filter((l) => l.done).length} of ${lines.length} lines done`;
}
