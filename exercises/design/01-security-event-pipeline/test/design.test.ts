import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDesignText, formatFinding } from '#graders/tools/design/design-findings.ts';

// The NFR ids of the README's table, which design.yaml must trace.
const nfrs = ['ingestion-throughput', 'ingestion-latency', 'alert-latency', 'query-latency-24h', 'query-latency-90d', 'availability', 'hot-storage', 'cold-storage'];

describe('design.yaml', () => {
  it('passes the design check (npm run design -- check security-event-pipeline): every flow connects declared components, every NFR is traced', () => {
    const text = readFileSync(new URL('../design.yaml', import.meta.url), 'utf8');
    const { findings } = checkDesignText(text, 'design.yaml', nfrs);
    expect(findings.map(formatFinding)).toEqual([]);
  });
});
