import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { coverage } from './compare.ts';
import { checkDesignText } from '../../testkit/design/design-findings.ts';
import { readExpected } from './design-kata.ts';
import { readRubric } from './reflect.ts';
import { canonicalKind } from '../../testkit/design/vocabulary.ts';

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

  it("its exercise.json weighs every dimension of the critique rubric for the kata's domain (Reflect scores against it)", () => {
    const folder = [join(root, 'exercises', 'design', slug), join(solutions, slug, 'exercise-draft')].find((f) => existsSync(join(f, 'exercise.json')));
    expect(folder, `${slug} has no exercise.json`).toBeDefined();
    expect(() => readRubric(folder!, slug)).not.toThrow();
  });
});

describe.runIf(katas.includes('01-security-event-pipeline'))('design kata 01: its storage figures are computed, not copied', () => {
  const folder = join(solutions, '01-security-event-pipeline');
  const readme = [join(root, 'exercises', 'design', '01-security-event-pipeline', 'README.md'), join(folder, 'exercise-draft', 'README.md')].find(existsSync)!;
  // 50,000 events/s of 1 KB (1,000 bytes), the seed's own inputs; TB is 10^12 bytes.
  const terabytes = (days: number) => (50_000 * 1_000 * 86_400 * days) / 1e12;

  it('the README and the reference design give the arithmetic of 90 days hot and a year cold', () => {
    expect([terabytes(90), Math.round(terabytes(365))]).toEqual([388.8, 1_577]);
    const text = readFileSync(readme, 'utf8');
    expect(text).toContain('= 388.8 TB');
    expect(text).toContain('about 389 TB');
    expect(text).toContain('about 1,577 TB');
    const design = readFileSync(join(folder, 'design.yaml'), 'utf8');
    expect(design).toContain('86,400 s x 90 days = 389 TB raw');
    expect(design).toContain('86,400 s x 365 days = 1,577 TB raw');
  });

  it('the README says what 389 TB costs against the budget: about $31,000 a month at $0.08 per GB-month', () => {
    expect(Math.round((Math.round(terabytes(90)) * 1_000 * 0.08) / 1_000) * 1_000).toBe(31_000);
    expect(readFileSync(readme, 'utf8')).toMatch(/\$0\.08 per GB-month[\s\S]*389 TB kept once, uncompressed, would cost about \$31,000 a month/);
  });
});

describe.runIf(katas.includes('02-device-fleet-ota'))('design kata 02: its OTA cost is computed, not copied', () => {
  const folder = join(solutions, '02-device-fleet-ota');
  const readme = [join(root, 'exercises', 'design', '02-device-fleet-ota', 'README.md'), join(folder, 'exercise-draft', 'README.md')].find(existsSync)!;
  // The seed's own inputs: an 80 MB image, $0.10 per MB, 50,000 devices; deltas of 5-10 MB.
  const dollars = (megabytes: number, devices = 1) => Math.round(megabytes * 0.1 * devices * 100) / 100;

  it('the README gives $8 per device and $400,000 for the fleet, says the copied $4 and $200,000 are wrong, and prices deltas', () => {
    expect([dollars(80), dollars(80, 50_000), dollars(5), dollars(10)]).toEqual([8, 400_000, 0.5, 1]);
    const text = readFileSync(readme, 'utf8');
    expect(text).toContain('$8 per device and $400,000 for a fleet of 50,000');
    expect(text).toMatch(/says \$4 and \$200,000 for the same inputs/);
    expect(text).toContain('$0.50-$1.00 per device');
  });

  it('the reference design states the same figures', () => {
    const design = readFileSync(join(folder, 'design.yaml'), 'utf8');
    expect(design).toContain('$8 per device, $400,000');
    expect(design).toContain('$0.50-$1.00 per device, $50,000 at most for the fleet');
  });
});

describe.runIf(katas.includes('03-sensor-aggregation'))('design kata 03: its storage figures are computed, not copied', () => {
  const folder = join(solutions, '03-sensor-aggregation');
  const readme = [join(root, 'exercises', 'design', '03-sensor-aggregation', 'README.md'), join(folder, 'exercise-draft', 'README.md')].find(existsSync)!;
  // 500,000 sensors every 10 s, 200 bytes a reading, the seed's own inputs; TB is 10^12 bytes.
  const rawTerabytes = (days: number) => ((500_000 / 10) * 200 * 86_400 * days) / 1e12;

  it('the README checks the seed\'s rate and gives the raw storage of two years hot and seven cold', () => {
    expect([rawTerabytes(730), rawTerabytes(2_555)]).toEqual([630.72, 2_207.52]);
    const text = readFileSync(readme, 'utf8');
    expect(text).toContain('500,000 readings every 10 s is 50,000 readings/s');
    expect(text).toContain('630.72 TB in two years and 2,207.52 TB in seven');
    expect(readFileSync(join(folder, 'design.yaml'), 'utf8')).toContain('86,400 s x 2,555 days = 2,207.52 TB raw');
  });

  it('the README says what two years of raw readings cost against the budget: about $50,000 a month at $0.08 per GB-month', () => {
    expect(Math.round((rawTerabytes(730) * 1_000 * 0.08) / 1_000) * 1_000).toBe(50_000);
    expect(readFileSync(readme, 'utf8')).toMatch(/\$0\.08 per GB-month would cost about \$50,000 a month/);
  });
});
