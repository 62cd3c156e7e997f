import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { checkDesignText, formatFinding } from '../../testkit/design/design-findings.ts';
import { canonicalKind, vocabulary } from '../../testkit/design/vocabulary.ts';

const words = Object.entries(vocabulary).flatMap(([kind, aliases]) => [kind, ...aliases]);

/** A valid design as generated parts: names have no hyphen, so `ghost-x` is never declared. */
const designs = fc.uniqueArray(fc.stringMatching(/^[a-z]{3,8}$/), { minLength: 2, maxLength: 7 }).chain((names) => fc.record({
  components: fc.tuple(...names.map((name) => fc.record({ name: fc.constant(name), kind: fc.oneof(fc.constantFrom(...words), fc.constant('free')) }))),
  flows: fc.array(fc.record({ from: fc.constantFrom(...names), to: fc.constantFrom(...names), mode: fc.constantFrom('sync', 'async'), guarantee: fc.constantFrom('at-most-once', 'at-least-once', 'effectively-once') }), { minLength: 1, maxLength: 6 }),
  nfrs: fc.uniqueArray(fc.stringMatching(/^[a-z]{2,6}-[a-z]{2,6}$/), { minLength: 1, maxLength: 4 }).chain((ids) =>
    fc.tuple(...ids.map((nfr) => fc.record({ nfr: fc.constant(nfr), met_by: fc.subarray(names, { minLength: 1 }) })))),
  /** Blank lines and comments between entries, so that line numbers are not a fixed stride. */
  padding: fc.array(fc.constantFrom('', '# a note', '  # an indented note'), { maxLength: 3 }),
}));

type Generated = typeof designs extends fc.Arbitrary<infer T> ? T : never;

/** design.yaml text, and the line each entry's fields start on, counted while writing it. */
function render(d: Generated) {
  const out: string[] = [];
  const line = (text: string) => (out.push(text), out.length);
  const at = { kind: [] as number[], to: [] as number[], met_by: [] as number[] };
  line('components:');
  for (const c of d.components) {
    d.padding.forEach(line);
    line(`  - name: ${c.name}`);
    at.kind.push(line(`    kind: ${c.kind}`));
    if (c.kind === 'free') line('    purpose: something the vocabulary does not name');
  }
  line('flows:');
  for (const f of d.flows) {
    line(`  - from: ${f.from}`);
    at.to.push(line(`    to: ${f.to}`));
    line(`    what: events from ${f.from}`);
    line(`    mode: ${f.mode}`);
    line(`    guarantee: ${f.guarantee}`);
  }
  d.padding.forEach(line);
  line('nfrs:');
  for (const n of d.nfrs) {
    line(`  - nfr: ${n.nfr}`);
    line('    target: 1,000 events/s');
    at.met_by.push(line(`    met_by: [${n.met_by.join(', ')}]`));
    line('    capacity: 4 partitions x 500 events/s = 2,000 events/s');
  }
  return { text: `${out.join('\n')}\n`, at };
}

const findingsOf = (text: string, nfrs?: string[]) => checkDesignText(text, 'design.yaml', nfrs).findings.map(formatFinding);

describe('design.yaml checks, on generated designs', () => {
  it('a design whose flows and NFRs name declared components has no finding', async () => {
    await assertProperty(fc.property(designs, (d) => {
      expect(findingsOf(render(d).text, d.nfrs.map((n) => n.nfr))).toEqual([]);
    }), { numRuns: 60 });
  });

  it('one flow to an undeclared component: exactly one finding, on that flow\'s `to` line', async () => {
    await assertProperty(fc.property(designs, fc.nat(), (d, pick) => {
      const k = pick % d.flows.length;
      const { text, at } = render({ ...d, flows: d.flows.map((f, i) => (i === k ? { ...f, to: 'ghost-x' } : f)) });
      expect(findingsOf(text)).toEqual([expect.stringMatching(new RegExp(`^design\\.yaml:${at.to[k]}: flow/undeclared: flow ${k + 1} .* goes to \`ghost-x\``))]);
    }), { numRuns: 60 });
  });

  it('one misspelt kind: exactly one finding, on that component\'s `kind` line', async () => {
    await assertProperty(fc.property(designs, fc.nat(), fc.nat(), (d, pick, cut) => {
      const k = pick % d.components.length;
      const word = words[cut % words.length]!;
      const misspelt = word.length > 4 ? word.slice(0, -2) + word.slice(-1) : `${word}zq`;
      fc.pre(canonicalKind(misspelt) === undefined);
      const { text, at } = render({ ...d, components: d.components.map((c, i) => (i === k ? { ...c, kind: misspelt } : c)) });
      expect(findingsOf(text)).toEqual([expect.stringMatching(new RegExp(`^design\\.yaml:${at.kind[k]}: component/unknown-kind: kind \`${misspelt}\``))]);
    }), { numRuns: 60 });
  });

  it('one NFR with an empty met_by: exactly one untraced finding, on its `met_by` line', async () => {
    await assertProperty(fc.property(designs, fc.nat(), (d, pick) => {
      const k = pick % d.nfrs.length;
      const { text, at } = render({ ...d, nfrs: d.nfrs.map((n, i) => (i === k ? { ...n, met_by: [] } : n)) });
      expect(findingsOf(text)).toEqual([expect.stringMatching(new RegExp(`^design\\.yaml:${at.met_by[k]}: nfr/untraced: NFR ${k + 1} \\(${d.nfrs[k]!.nfr}\\)`))]);
    }), { numRuns: 60 });
  });
});
