import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Design, DesignFinding } from '../../testkit/design/design-findings.ts';
import { formatFinding } from '../../testkit/design/design-findings.ts';
import { checkTarget, DesignInputError, type DesignTarget, type Expected } from './design-kata.ts';
import { canonicalKind } from '../../testkit/design/vocabulary.ts';

/** Runs a kata's own tests (its capacity model and executable core); ok when they all pass. */
export type KataTestRunner = (kataFolder: string) => { ok: boolean; summary: string };

export type CompareOutcome = { refused: string } | { report: string; covered: number; expected: number };

export interface Coverage {
  says: string;
  kinds: string[];
  /** The design's components whose kind (through the vocabulary) is one of `kinds`. */
  coveredBy: string[];
}

/** Which expected components the design covers, by vocabulary kind, and its other components. */
export function coverage(design: Design, expected: Expected): { rows: Coverage[]; others: string[] } {
  const kindOf = (component: Design['components'][number]) => canonicalKind(component.kind);
  const rows = expected.expected.map(({ says, kinds }) => {
    const wanted = new Set(kinds.map((kind) => canonicalKind(kind) ?? kind));
    return { says, kinds, coveredBy: design.components.filter((c) => wanted.has(kindOf(c) ?? '')).map((c) => c.name) };
  });
  const used = new Set(rows.flatMap((row) => row.coveredBy));
  const others = design.components.filter((c) => !used.has(c.name)).map((c) => `${c.name} (${c.kind === 'free' ? `free: ${c.purpose}` : kindOf(c)})`);
  return { rows, others };
}

const refusal = (reason: string, todo: string) => ({ refused: `Compare stays closed: ${reason}\nWhat to do: ${todo}. Compare opens once the attempt passes its checks, so that you compare your own design, not a corrected one.` });

/**
 * Compare for one kata: refused, with the reason and what to do, until design.yaml has no
 * finding and the kata's tests (where it has a test/ folder) pass; then the expected
 * components beside the design's, and the kata's common mistakes to critique it against.
 */
export function compareDesign(target: DesignTarget, runTests: KataTestRunner): CompareOutcome {
  const kata = target.kata;
  if (kata === undefined) throw new DesignInputError(`${target.shown} belongs to no design kata: compare works on a kata (exercises/design/<kata>/design.yaml). Use check for a design of your own.`);
  if (kata.expected === undefined) throw new DesignInputError(`the kata ${kata.slug} has no solutions/design/${kata.slug}/expected.yaml, so there is nothing to compare with: this is the course's gap, not yours; tell the instructor.`);
  const { findings, design } = checkTarget(target);
  if (findings.length > 0 || design === undefined) {
    const shown = findings.slice(0, 5).map((f: DesignFinding) => `  ${formatFinding(f)}`).join('\n');
    const more = findings.length > 5 ? `\n  ... and ${findings.length - 5} more` : '';
    return refusal(`${target.shown} has ${findings.length} finding(s):\n${shown}${more}`, `fix each finding (npm run design -- check ${kata.slug} lists them all), then run compare again`);
  }
  if (existsSync(join(kata.folder, 'test'))) {
    const tests = runTests(kata.folder);
    if (!tests.ok) return refusal(`the kata's tests (capacity model and core) do not pass yet (${tests.summary}).`, `make them pass (npm run watch, then npm run grade -- design/${kata.slug}), then run compare again`);
  }
  const { rows, others } = coverage(design, kata.expected);
  const covered = rows.filter((row) => row.coveredBy.length > 0).length;
  const width = Math.max(...rows.map((row) => row.says.length));
  const lines = [
    `Compare: ${kata.slug}. Expected components beside yours (matched by vocabulary kind):`,
    '',
    ...rows.map((row) => `  ${row.coveredBy.length > 0 ? '[x]' : '[ ]'} ${row.says.padEnd(width)}  | ${row.coveredBy.length > 0 ? row.coveredBy.join(', ') : `nothing of kind ${row.kinds.join(' or ')}`}`),
    '',
    `Your design covers ${covered} of ${rows.length} expected components.`,
    ...(others.length > 0 ? ['', 'Your components no expected one names (say in Reflect why each earns its place):', ...others.map((o) => `  - ${o}`)] : []),
    '',
    'Common mistakes: for each, find where your design avoids it, or write the change you would make:',
    ...kata.expected.mistakes.map((m) => `  - ${typeof m === 'string' ? m : m.says}`),
  ];
  return { report: lines.join('\n'), covered, expected: rows.length };
}
