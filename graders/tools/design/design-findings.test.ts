import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDesignText, type DesignFinding } from '../../testkit/design/design-findings.ts';
import { canonicalKind, nearestKind, vocabulary } from '../../testkit/design/vocabulary.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/designs/${name}`, import.meta.url), 'utf8');
const check = (name: string, kataNfrs?: string[]) => checkDesignText(fixture(name), name, kataNfrs);
const brief = (findings: DesignFinding[]) => findings.map((f) => `${f.line} ${f.rule}`);

describe('design.yaml checks', () => {
  it('a complete design has no finding, and its parsed form comes back for compare', () => {
    const { findings, design } = check('good.yaml', ['ingestion-throughput', 'hot-storage']);
    expect(findings).toEqual([]);
    expect(design?.components.map((c) => c.name)).toContain('failed-events');
  });

  it('a YAML syntax error names its line and stops there', () => {
    const { findings, design } = check('yaml-error.yaml');
    expect(design).toBeUndefined();
    expect(findings[0]).toMatchObject({ file: 'yaml-error.yaml', line: 5, rule: 'yaml/syntax' });
    expect(findings.every((f) => f.rule === 'yaml/syntax' && /indent/.test(f.fix))).toBe(true);
  });

  it('an unknown component kind names its line and the nearest vocabulary word', () => {
    const { findings } = check('unknown-component.yaml');
    expect(brief(findings)).toEqual(['5 component/unknown-kind']);
    expect(findings[0]!.fix).toMatch(/did you mean `kafka` \(message-broker\)\?.*kind: free/);
  });

  it('an unknown kind far from every word is pointed to `free`, not to a wild guess', () => {
    const text = fixture('unknown-component.yaml').replace('kind: kafak', 'kind: blockchain-ledger');
    const { findings } = checkDesignText(text, 'design.yaml');
    expect(findings[0]!.fix).not.toMatch(/did you mean/);
    expect(findings[0]!.fix).toMatch(/^write `kind: free`/);
  });

  it('an NFR with no component or no capacity figure is untraced, on its own line', () => {
    const { findings } = check('untraced-nfr.yaml');
    expect(brief(findings)).toEqual(['15 nfr/untraced', '17 nfr/untraced']);
    expect(findings[0]!.problem).toMatch(/NFR 1 \(ingestion-throughput\).*met_by/);
    expect(findings[1]!.fix).toMatch(/capacity: "24 partitions/);
  });

  it('a flow or an NFR naming an undeclared component names the line and the declared names', () => {
    const { findings } = check('undeclared-flow.yaml');
    expect(brief(findings)).toEqual(['13 flow/undeclared', '20 nfr/undeclared']);
    expect(findings[0]!.fix).toMatch(/declare `normalizer` under components \(declared now: agents, ingest\)/);
  });

  it('a near miss of a declared name is suggested', () => {
    const text = fixture('undeclared-flow.yaml').replace('to: normalizer', 'to: ingets');
    const { findings } = checkDesignText(text, 'design.yaml');
    expect(findings[0]!.fix).toMatch(/^did you mean `ingest`\?/);
  });

  it('schema slips: an unknown field, a free component without purpose, a bad mode, a capacity with no figure', () => {
    const { findings } = check('schema-slips.yaml');
    expect(brief(findings)).toEqual(['4 schema/unknown-field', '5 schema/required', '11 schema/value', '17 nfr/untraced']);
    expect(findings[0]!.fix).toMatch(/remove it.*name, kind, purpose, technology/);
    expect(findings[2]!.fix).toBe('use one of sync, async');
  });

  it("against a kata: every one of its NFRs must be traced, and an id it does not have is named", () => {
    const { findings } = check('good.yaml', ['ingestion-throughput', 'hot-storag', 'alert-latency']);
    expect(findings.map((f) => [f.line, f.rule, f.problem])).toEqual([
      [48, 'nfr/unknown', 'the kata has no NFR `hot-storage`'],
      [43, 'nfr/untraced', "the kata's NFR `hot-storag` is not traced"],
      [43, 'nfr/untraced', "the kata's NFR `alert-latency` is not traced"],
    ]);
    expect(findings[0]!.fix).toMatch(/did you mean `hot-storag`/);
  });

  it('two components with one name, and one NFR traced twice, are findings', () => {
    const text = `${fixture('good.yaml')}  - nfr: hot-storage\n    target: again\n    met_by: [search]\n    capacity: 1 TB\n`
      .replace('  - name: search\n', '  - name: ingest\n    kind: kafka\n  - name: search\n');
    expect(brief(checkDesignText(text, 'design.yaml').findings)).toEqual(['12 component/duplicate', '54 nfr/duplicate']);
  });

  it('an empty file and a file that is not a map say what the form wants', () => {
    for (const text of ['', '- just\n- a list\n']) {
      const { findings } = checkDesignText(text, 'design.yaml');
      expect(findings.length, JSON.stringify(text)).toBeGreaterThan(0);
      expect(findings[0]).toMatchObject({ line: 1 });
    }
  });
});

describe('component vocabulary', () => {
  it('maps every entry and alias to its entry, whatever the case or separator', () => {
    expect(canonicalKind('Kafka Streams')).toBe('stream-processor');
    expect(canonicalKind('kafka_streams')).toBe('stream-processor');
    expect(canonicalKind('DLQ')).toBe('dead-letter-queue');
    for (const [kind, aliases] of Object.entries(vocabulary)) for (const word of [kind, ...aliases]) expect(canonicalKind(word), word).toBe(kind);
  });

  it('no alias stands for two entries', () => {
    const words = Object.entries(vocabulary).flatMap(([kind, aliases]) => [kind, ...aliases]);
    expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
  });

  it('suggests the entry behind the nearest word', () => {
    expect(nearestKind('elasticsaerch')).toEqual({ word: 'elasticsearch', kind: 'search-store' });
  });
});
