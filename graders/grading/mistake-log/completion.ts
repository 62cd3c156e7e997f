import type { EvidenceKind, MistakeEntry } from './mistake-log.ts';

/** Evidence that shows the mistake failing: a test that failed before the repair, or a counterexample. */
const failingEvidence: readonly EvidenceKind[] = ['failing-test', 'counterexample'];
/** Evidence that a real artifact changed (a failing test that now passes means the code did). */
const changedArtifact: readonly EvidenceKind[] = ['failing-test', 'code', 'diagram', 'decision', 'query', 'command', 'proof'];

export interface StandardLine {
  /** The line of the standard, as the clinic page words it. */
  rule: string;
  have: number;
  need: number;
  done: boolean;
  /** What to do next when not done. */
  next: string;
}

/**
 * The clinic's completion standard and the module's output target, counted over the log.
 * The clinic asks for five entries; the module's output (a log of ten) asks for more, so both
 * are shown and neither replaces the other.
 */
export function completionStandard(entries: readonly MistakeEntry[]): StandardLine[] {
  const count = (keep: (entry: MistakeEntry) => boolean) => entries.filter(keep).length;
  const line = (rule: string, have: number, need: number, next: string): StandardLine => ({ rule, have, need, done: have >= need, next });
  return [
    line('At least five real mistakes are logged (clinic)', entries.length, 5, 'log another mistake: `npm run mistakes -- add`, or pass a clinic item'),
    line('At least two come with a counterexample or a failing test', count((e) => failingEvidence.includes(e.repairEvidence.kind)), 2,
      'add an entry whose evidence is a failing test (file, test name and the commit where it failed)'),
    line('At least one connects to a skill from an earlier module or semester', count((e) => e.earlierSkill !== undefined), 1,
      'name the earlier skill an entry rests on (the earlierSkill column)'),
    line('At least one repair changed code, a diagram, a query, a command or a decision', count((e) => changedArtifact.includes(e.repairEvidence.kind)), 1,
      'log a repair that changed an artifact, not only your notes'),
    line('Ten entries for the module output (the mistake log)', entries.length, 10, 'keep logging: the module output asks for ten'),
  ];
}
