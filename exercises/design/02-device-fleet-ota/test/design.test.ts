import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDesignText, formatFinding } from '#graders/testkit/design/design-findings.ts';
import { statedFigureProblems } from '#graders/testkit/design/stated-figures.ts';

// The NFR ids of the README's table, which design.yaml must trace.
const nfrs = ['fleet-growth', 'telemetry-ingestion', 'telemetry-storage', 'ota-delivery', 'ota-bandwidth-cost', 'rollback-detection', 'dashboard-latency', 'availability'];

describe('design.yaml', () => {
  it('passes the design check (npm run design -- check device-fleet-ota): every flow connects declared components, every NFR is traced', () => {
    const text = readFileSync(new URL('../design.yaml', import.meta.url), 'utf8');
    const { findings } = checkDesignText(text, 'design.yaml', nfrs);
    expect(findings.map(formatFinding)).toEqual([]);
  });
});

describe('design.yaml against your own capacity model', () => {
  it('states its ota-bandwidth-cost figure as a `figure` and every stated figure is what the capacity.ts function it names returns', async () => {
    const text = readFileSync(new URL('../design.yaml', import.meta.url), 'utf8');
    const model = (await import('../src/capacity.ts')) as unknown as Record<string, unknown>;
    expect(statedFigureProblems(text, model, 'ota-bandwidth-cost')).toEqual([]);
  });
});
