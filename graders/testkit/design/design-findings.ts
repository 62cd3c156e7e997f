import type { ErrorObject } from 'ajv/dist/2020.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { closest, distance } from 'fastest-levenshtein';
import { type Document, isMap, isNode, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import designSchema from '../../schemas/design.schema.json' with { type: 'json' };
import { canonicalKind, freeKind, nearestKind } from './vocabulary.ts';

/** One thing wrong with a design.yaml: where (file and line), which rule, what, and the fix. */
export interface DesignFinding {
  file: string;
  line: number;
  rule: string;
  problem: string;
  fix: string;
}

export interface Design {
  kata?: string;
  components: { name: string; kind: string; purpose?: string; technology?: string }[];
  flows: { from: string; to: string; what: string; mode: 'sync' | 'async'; guarantee: string }[];
  nfrs: { nfr: string; target: string; met_by: string[]; capacity: string | number }[];
}

export interface DesignCheck {
  findings: DesignFinding[];
  /** The design, when it parsed and matched the schema (its other findings may remain). */
  design?: Design;
}

export const formatFinding = (f: DesignFinding) => `${f.file}:${f.line}: ${f.rule}: ${f.problem}. Fix: ${f.fix}.`;

const validate = new Ajv2020({ allErrors: true, strict: false, verbose: true }).compile(designSchema);
type Path = (string | number)[];

/** Line numbers of a parsed document's nodes: a key's own line where the key is known. */
function lines(doc: Document, counter: LineCounter) {
  const at = (offset: number) => counter.linePos(offset).line;
  return (path: Path, key?: string): number => {
    const node = doc.getIn(path, true);
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (pair && isNode(pair.key) && pair.key.range) return at(pair.key.range[0]);
    }
    if (isNode(node) && node.range) return at(node.range[0]);
    return path.length > 0 ? lines(doc, counter)(path.slice(0, -1)) : 1;
  };
}

const pathOf = (pointer: string): Path =>
  pointer.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~')).map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** What to write when a required property is missing, by property. */
const requiredFixes: Record<string, string> = {
  components: 'list the components under `components:`, each with a name and a kind',
  flows: 'list the data flows under `flows:`, each with from, to, what, mode and guarantee',
  nfrs: 'list every NFR of the kata under `nfrs:`, each with nfr, target, met_by and capacity',
  name: 'give the component a name (lower case words joined by hyphens), the name flows and NFRs use',
  kind: `give the component a kind from the vocabulary (e.g. message-broker, kafka), or \`kind: ${freeKind}\` with a purpose`,
  purpose: `say in \`purpose:\` what this free component does`,
  from: 'name the component the flow starts at in `from:`',
  to: 'name the component the flow reaches in `to:`',
  what: 'say in `what:` what travels (the events, commands or queries)',
  mode: 'say `mode: sync` (the sender waits for an answer) or `mode: async` (it does not)',
  guarantee: 'say which delivery guarantee the receiver relies on: at-most-once, at-least-once or effectively-once',
  nfr: 'give the NFR id as the kata lists it in `nfr:`',
  target: 'copy the target the kata sets in `target:`',
  met_by: 'name the component(s) that meet this NFR in `met_by:`, e.g. `met_by: [broker]`',
  capacity: 'give the figure that shows it is met, with its arithmetic, e.g. `capacity: "24 partitions x 10,000 events/s = 240,000 events/s"`',
};

/** A near word only when it is near: a suggestion three edits away is a guess, not a help. */
export function near(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, [...candidates]);
  return distance(word, best) <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** The entry a path points into, in the learner's words: `component ingest`, `flow 2 (a -> b)`. */
function label(value: unknown, path: Path): string {
  const [list, index, ...rest] = path;
  const entry = typeof index === 'number' ? ((value as Record<string, unknown[]>)[list as string]?.[index] as Record<string, unknown> | undefined) : undefined;
  const n = Number(index) + 1;
  const show = (x: unknown) => (typeof x === 'string' ? x : '?');
  const head = list === undefined ? 'the design'
    : entry === undefined || typeof entry !== 'object' ? `\`${path.join('.')}\``
      : list === 'components' ? `component ${n}${typeof entry.name === 'string' ? ` (${entry.name})` : ''}`
        : list === 'flows' ? `flow ${n} (${show(entry.from)} -> ${show(entry.to)})`
          : list === 'nfrs' ? `NFR ${n}${typeof entry.nfr === 'string' ? ` (${entry.nfr})` : ''}`
            : `\`${path.join('.')}\``;
  return rest.length > 0 && entry !== undefined ? `${head}: \`${rest.join('.')}\`` : head;
}

function schemaFinding(error: ErrorObject, file: string, lineOf: ReturnType<typeof lines>, value: unknown): DesignFinding | undefined {
  const path = pathOf(error.instancePath);
  const where = label(value, path);
  const nfrEntry = path[0] === 'nfrs' && typeof path[1] === 'number';
  switch (error.keyword) {
    case 'if':
      return undefined; // its `then` reports the missing property itself
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const untraced = nfrEntry && (missing === 'met_by' || missing === 'capacity');
      return { file, line: lineOf(path), rule: untraced ? 'nfr/untraced' : 'schema/required', problem: `${where} has no \`${missing}\``, fix: requiredFixes[missing] ?? `add \`${missing}\`` };
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const guess = near(extra, allowed);
      return { file, line: lineOf(path, extra), rule: 'schema/unknown-field', problem: `${where} has a field \`${extra}\` the form does not know`, fix: `${guess ? `did you mean \`${guess}\`? ` : 'remove it (a detail such as a partition count belongs in a capacity figure or a purpose). '}The fields here are ${allowed.join(', ')}` };
    }
    case 'enum':
      return { file, line: lineOf(path), rule: 'schema/value', problem: `${where} is ${JSON.stringify(error.data)}`, fix: `use one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` };
    case 'minItems':
      return nfrEntry && path[2] === 'met_by'
        ? { file, line: lineOf(path), rule: 'nfr/untraced', problem: `${where} names no component`, fix: requiredFixes.met_by! }
        : { file, line: lineOf(path), rule: 'schema/empty', problem: `${where} is empty`, fix: requiredFixes[String(path.at(-1))] ?? 'add at least one entry' };
    default: {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      if (nfrEntry && path[2] === 'capacity') return { file, line: lineOf(path), rule: 'nfr/untraced', problem: `${where} holds no figure (it is ${JSON.stringify(error.data)})`, fix: requiredFixes.capacity! };
      const rule = 'schema/format';
      return { file, line: lineOf(path), rule, problem: `${where} ${error.message ?? 'is invalid'} (it is ${JSON.stringify(error.data)})`, fix: description ? `write ${description.charAt(0).toLowerCase()}${description.slice(1).replace(/\.$/, '')}` : `correct the value (${error.message})` };
    }
  }
}

/**
 * Checks one design.yaml: YAML syntax, then the schema, then what the schema cannot say:
 * kinds from the vocabulary, unique names, flows and NFRs that name declared components and,
 * when the kata's NFR ids are given, every one of them traced.
 */
export function checkDesignText(text: string, file: string, kataNfrs: readonly string[] = []): DesignCheck {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      findings: doc.errors.map((error) => ({
        file, line: counter.linePos(error.pos[0]).line, rule: 'yaml/syntax', problem: error.message,
        fix: 'correct the YAML on this line: indent entries of one list or map alike, put a space after each colon, close every [ and quote',
      })),
    };
  }
  const lineOf = lines(doc, counter);
  const value: unknown = doc.toJS();
  if (!validate(value)) {
    const findings = (validate.errors ?? []).map((error) => schemaFinding(error, file, lineOf, value)).filter((f) => f !== undefined);
    return { findings: findings.filter((f, i) => findings.findIndex((g) => formatFinding(g) === formatFinding(f)) === i) };
  }
  const design = value as unknown as Design;
  const findings: DesignFinding[] = [];
  const declared = new Set<string>();
  design.components.forEach((component, i) => {
    if (declared.has(component.name)) findings.push({ file, line: lineOf(['components', i, 'name']), rule: 'component/duplicate', problem: `a second component is named \`${component.name}\``, fix: 'give each component a name of its own' });
    declared.add(component.name);
    if (component.kind !== freeKind && canonicalKind(component.kind) === undefined) {
      const guess = nearestKind(component.kind);
      const close = near(component.kind.toLowerCase(), [guess.word]) !== undefined;
      const means = guess.word === guess.kind ? '' : ` (${guess.kind})`;
      findings.push({ file, line: lineOf(['components', i, 'kind']), rule: 'component/unknown-kind', problem: `kind \`${component.kind}\` of \`${component.name}\` is not in the component vocabulary`, fix: `${close ? `did you mean \`${guess.word}\`${means}? If it is something else, write` : 'write'} \`kind: ${freeKind}\` and say what it does in \`purpose:\` (the vocabulary is in graders/testkit/design/vocabulary.ts)` });
    }
  });
  const names = [...declared];
  const undeclared = (name: string, path: Path, what: string) => {
    if (declared.has(name)) return;
    const guess = near(name, names);
    findings.push({ file, line: lineOf(path), rule: `${String(path[0]).replace(/s$/, '')}/undeclared`, problem: `${what} \`${name}\`, which is not a declared component`, fix: `${guess ? `did you mean \`${guess}\`? Otherwise ` : ''}declare \`${name}\` under components (declared now: ${names.join(', ')})` });
  };
  design.flows.forEach((flow, i) => {
    undeclared(flow.from, ['flows', i, 'from'], `flow ${i + 1} (${flow.what}) starts at`);
    undeclared(flow.to, ['flows', i, 'to'], `flow ${i + 1} (${flow.what}) goes to`);
  });
  const traced = new Set<string>();
  design.nfrs.forEach((nfr, i) => {
    if (traced.has(nfr.nfr)) findings.push({ file, line: lineOf(['nfrs', i, 'nfr']), rule: 'nfr/duplicate', problem: `NFR \`${nfr.nfr}\` is traced twice`, fix: 'trace each NFR once: merge the two entries' });
    traced.add(nfr.nfr);
    if (kataNfrs.length > 0 && !kataNfrs.includes(nfr.nfr)) findings.push({ file, line: lineOf(['nfrs', i, 'nfr']), rule: 'nfr/unknown', problem: `the kata has no NFR \`${nfr.nfr}\``, fix: `${near(nfr.nfr, kataNfrs) ? `did you mean \`${near(nfr.nfr, kataNfrs)}\`? ` : ''}use the kata's ids: ${kataNfrs.join(', ')}` });
    nfr.met_by.forEach((name, j) => undeclared(name, ['nfrs', i, 'met_by', j], `NFR \`${nfr.nfr}\` is met by`));
  });
  for (const id of kataNfrs) {
    if (!traced.has(id)) findings.push({ file, line: lineOf([], 'nfrs'), rule: 'nfr/untraced', problem: `the kata's NFR \`${id}\` is not traced`, fix: `add an entry under nfrs with \`nfr: ${id}\`, its target, the components that meet it (met_by) and the capacity figure that shows it` });
  }
  return { findings, design };
}
