import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkDesignText, formatFinding } from '#graders/testkit/design/design-findings.ts';

// The NFR ids of the README's table, which design.yaml must trace.
const nfrs = ['fleet-growth', 'telemetry-ingestion', 'telemetry-storage', 'ota-delivery', 'ota-bandwidth-cost', 'rollback-detection', 'dashboard-latency', 'availability'];

describe('design.yaml', () => {
  it('passes the design check (npm run design -- check device-fleet-ota): every flow connects declared components, every NFR is traced', () => {
    const text = readFileSync(new URL('../design.yaml', import.meta.url), 'utf8');
    const { findings } = checkDesignText(text, 'design.yaml', nfrs);
    expect(findings.map(formatFinding)).toEqual([]);
  });
});

interface StatedFigure {
  value: number;
  unit: string;
  from: string;
  args: unknown[];
  field?: string;
}

describe('design.yaml against your own capacity model', () => {
  it('states its ota-bandwidth-cost figure as a `figure` and every stated figure is what the capacity.ts function it names returns', async () => {
    const text = readFileSync(new URL('../design.yaml', import.meta.url), 'utf8');
    const stated = (parse(text) as { nfrs?: { nfr: string; figure?: StatedFigure }[] }).nfrs ?? [];
    const cost = stated.find((n) => n.nfr === 'ota-bandwidth-cost');
    expect(cost?.figure, 'ota-bandwidth-cost has no `figure:` (value, unit, from: "capacity.ts:<function>", args): see the README, section Capacity model').toBeDefined();
    const model = (await import('../src/capacity.ts')) as unknown as Record<string, unknown>;
    for (const { nfr, figure } of stated) {
      if (figure === undefined) continue;
      const name = figure.from.replace(/^capacity\.ts:/, '');
      const fn = model[name];
      expect(typeof fn, `${nfr}: src/capacity.ts exports no function ${name}`).toBe('function');
      const result = (fn as (...args: unknown[]) => unknown)(...figure.args);
      const computed = figure.field === undefined ? result : (result as Record<string, unknown>)[figure.field];
      expect(typeof computed, `${nfr}: ${figure.from}${figure.field ? ` .${figure.field}` : ''} is not a number`).toBe('number');
      // The design may round: a figure within 0.1% of the model's counts as the same.
      const off = Math.abs((computed as number) - figure.value) / Math.max(1, Math.abs(computed as number));
      expect(off, `${nfr}: design.yaml states ${figure.value} ${figure.unit}, your ${name} returns ${computed as number}`).toBeLessThanOrEqual(0.001);
    }
  });
});
