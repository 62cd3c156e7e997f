import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Design, DesignFinding } from '../../testkit/design/design-findings.ts';
import { formatFinding } from '../../testkit/design/design-findings.ts';
import { checkTarget, DesignInputError, type DesignTarget, type Expected } from './design-kata.ts';
import { canonicalKind } from '../../testkit/design/vocabulary.ts';
import { judgeMistakes, type MistakeVerdict, type TestResult, verdictLines } from './mistake-verdicts.ts';
import type { TimeUp } from './time-up.ts';

/** Runs a kata's own tests (its capacity model and executable core); ok when they all pass. */
export type KataTestRunner = (kataFolder: string) => { ok: boolean; summary: string; tests?: TestResult[] };

export type CompareOutcome = { refused: string } | { report: string; covered: number; expected: number; verdicts: MistakeVerdict[] };

export interface CompareOptions {
  /** The kata's latest practice attempt ran out of time: Compare opens on an unfinished attempt. */
  timeUp?: TimeUp;
}

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

const refusal = (slug: string, reason: string, todo: string) => ({
  refused: `Compare stays closed: ${reason}\nWhat to do: ${todo}. Compare opens once the attempt passes its checks, so that you compare your own design, not a corrected one; in practice mode (npm run kata -- start ${slug}) it also opens once the time limit has run out.`,
});

/** A design.yaml that does not read as a design yet (time ran out first) covers nothing. */
const noDesign: Design = { components: [], flows: [], nfrs: [] } as unknown as Design;

/**
 * Compare for one kata: refused, with the reason and what to do, until design.yaml has no
 * finding and the kata's tests (where it has a test/ folder) pass, unless the time limit of
 * a practice attempt ran out; then the expected components beside the design's, which
 * common mistakes the kata's tests found in the core, and the others to critique it against.
 */
export function compareDesign(target: DesignTarget, runTests: KataTestRunner, options: CompareOptions = {}): CompareOutcome {
  const kata = target.kata;
  if (kata === undefined) throw new DesignInputError(`${target.shown} belongs to no design kata: compare works on a kata (exercises/design/<kata>/design.yaml). Use check for a design of your own.`);
  if (kata.expected === undefined) throw new DesignInputError(`the kata ${kata.slug} has no solutions/design/${kata.slug}/expected.yaml, so there is nothing to compare with: this is the course's gap, not yours; tell the instructor.`);
  const { findings, design } = checkTarget(target);
  const designClean = findings.length === 0 && design !== undefined;
  const { timeUp } = options;
  // The tests run once the design is clean, or when time is up (to say what they found).
  const tests = (designClean || timeUp) && existsSync(join(kata.folder, 'test')) ? runTests(kata.folder) : undefined;
  let closed: { reason: string; todo: string; short: string } | undefined;
  if (!designClean) {
    const shown = findings.slice(0, 5).map((f: DesignFinding) => `  ${formatFinding(f)}`).join('\n');
    const more = findings.length > 5 ? `\n  ... and ${findings.length - 5} more` : '';
    closed = { short: `${target.shown} has ${findings.length} finding(s) (npm run design -- check ${kata.slug} lists them)`, reason: `${target.shown} has ${findings.length} finding(s):\n${shown}${more}`, todo: `fix each finding (npm run design -- check ${kata.slug} lists them all), then run compare again` };
  } else if (tests && !tests.ok) {
    closed = { short: `the kata's tests do not pass yet (${tests.summary})`, reason: `the kata's tests (capacity model and core) do not pass yet (${tests.summary}).`, todo: `make them pass (npm run watch, then npm run grade -- design/${kata.slug}), then run compare again` };
  }
  if (closed && !timeUp) return refusal(kata.slug, closed.reason, closed.todo);

  const { rows, others } = coverage(design ?? noDesign, kata.expected);
  const covered = rows.filter((row) => row.coveredBy.length > 0).length;
  const width = Math.max(...rows.map((row) => row.says.length));
  const verdicts = judgeMistakes(kata.expected.mistakes, tests?.tests);
  const untested = kata.expected.mistakes.filter((m) => m.foundBy === undefined);
  const lines = [
    ...(closed && timeUp ? [`Time is up: comparing an unfinished attempt. Your practice attempt started at ${timeUp.startedAt} with ${timeUp.timeLimitMinutes} min, and its checks do not pass yet: ${closed.short}.`, ''] : []),
    `Compare: ${kata.slug}. Expected components beside yours (matched by vocabulary kind):`,
    ...(design === undefined ? ['', `  (${target.shown} does not read as a design yet, so it covers none of them)`] : []),
    '',
    ...rows.map((row) => `  ${row.coveredBy.length > 0 ? '[x]' : '[ ]'} ${row.says.padEnd(width)}  | ${row.coveredBy.length > 0 ? row.coveredBy.join(', ') : `nothing of kind ${row.kinds.join(' or ')}`}`),
    '',
    `Your design covers ${covered} of ${rows.length} expected components.`,
    ...(others.length > 0 ? ['', 'Your components no expected one names (say in Reflect why each earns its place):', ...others.map((o) => `  - ${o}`)] : []),
    ...(verdicts.length > 0 ? ['', `Common mistakes the kata's tests look for in your core (${tests ? tests.summary : 'its tests did not run'}):`, ...verdictLines(verdicts)] : []),
    ...(untested.length > 0 ? ['', 'Common mistakes: for each, find where your design avoids it, or write the change you would make:', ...untested.map((m) => `  - ${m.says}`)] : []),
    '',
    `Next: npm run design -- reflect ${kata.slug} (score your design on the kata's rubric and write one change you would make).`,
  ];
  return { report: lines.join('\n'), covered, expected: rows.length, verdicts };
}
