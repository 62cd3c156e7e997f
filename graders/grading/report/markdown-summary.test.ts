import { describe, expect, it } from 'vitest';
import { lint } from 'markdownlint/promise';
import { renderMarkdownSummary } from './markdown-summary.ts';
import { sampleResults } from './sample-results.ts';

describe('renderMarkdownSummary', () => {
  it('opens with the score, then the tamper warning above the table', () => {
    const markdown = renderMarkdownSummary(sampleResults());
    expect(markdown.startsWith('## Grade: 15 of 30 points\n')).toBe(true);
    expect(markdown.indexOf('> [!WARNING]')).toBeLessThan(markdown.indexOf('| | Exercise |'));
    expect(markdown).toContain('| `exercises/katas/02-outbox/test/relay.test.ts` | modified | course-copy |');
  });

  it('has one table row per exercise with its mark, tests and points', () => {
    const rows = renderMarkdownSummary(sampleResults()).split('\n').filter((line) => /^\| (✅|❌|⛔) /.test(line));
    expect(rows).toEqual([
      '| ✅ | 01-order-placed-event | 2/2 | 10/10 | — |',
      '| ❌ | 02-outbox | 2/4 | 5/10 | relay › publishes \\| after a crash: AssertionError: expected 1 to be 2 |',
      '| ⛔ | 03-consumer | 1/1 | 0/10 | timed out: did not finish within 8 s |',
    ]);
  });

  it('lists the failing tests of each exercise in a folded section', () => {
    expect(renderMarkdownSummary(sampleResults())).toContain('<details><summary>02-outbox: 1 failing test(s)</summary>');
  });

  it('is valid Markdown for the course linter', async () => {
    const results = await lint({
      strings: { summary: renderMarkdownSummary(sampleResults()) },
      config: { default: true, MD013: false, MD033: false, MD041: false },
    });
    expect(results.summary).toEqual([]);
  });
});
