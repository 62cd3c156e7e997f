import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { coverage } from './compare.ts';
import { checkDesignText } from './design-findings.ts';
import { readExpected } from './design-kata.ts';
import { canonicalKind } from './vocabulary.ts';

const root = new URL('../../../', import.meta.url).pathname;
const solutions = join(root, 'solutions', 'design');
const katas = existsSync(solutions) ? readdirSync(solutions).filter((slug) => existsSync(join(solutions, slug, 'expected.yaml'))) : [];
/** The starter: in exercises/ once the kata is registered, in its draft folder until then. */
const starterOf = (slug: string) => [join(root, 'exercises', 'design', slug, 'design.yaml'), join(solutions, slug, 'exercise-draft', 'design.yaml')].find(existsSync);

describe.each(katas)('design kata %s: its own content keeps the form', (slug) => {
  const expected = readExpected(root, slug)!;

  it('names expected components by vocabulary entries', () => {
    expect(expected.expected.flatMap((e) => e.kinds).filter((kind) => canonicalKind(kind) !== kind)).toEqual([]);
  });

  it('its reference design has no finding against the kata and covers every expected component', () => {
    const { findings, design } = checkDesignText(readFileSync(join(solutions, slug, 'design.yaml'), 'utf8'), 'design.yaml', expected.nfrs);
    expect(findings).toEqual([]);
    expect(coverage(design!, expected).rows.filter((row) => row.coveredBy.length === 0)).toEqual([]);
  });

  it('its starter lists every NFR of the kata, untraced, and fails the check only for the work still due', () => {
    const starter = starterOf(slug);
    expect(starter, `${slug} has no starter design.yaml`).toBeDefined();
    const text = readFileSync(starter!, 'utf8');
    expect((parse(text) as { nfrs: { nfr: string }[] }).nfrs.map((n) => n.nfr)).toEqual(expected.nfrs);
    const { findings } = checkDesignText(text, 'design.yaml', expected.nfrs);
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['schema/empty', 'nfr/untraced']));
  });
});
