import type { EvidenceKind, MistakeEntry, RepairEvidence } from '../../grading/mistake-log/mistake-log.ts';
import { MistakeLogError, mistakeLogProblems } from '../../grading/mistake-log/mistake-log.ts';
import { radarRowProblem } from '../../grading/mistake-log/radar.ts';

/** Where answers come from and prompts go: a terminal in use, scripted lines in tests. */
export interface Prompter {
  /** Shows the prompt and resolves with the next line, or undefined at end of input. */
  ask(prompt: string): Promise<string | undefined>;
  say(text: string): void;
}

const evidenceKinds: EvidenceKind[] = ['failing-test', 'counterexample', 'code', 'diagram', 'decision', 'query', 'command', 'proof', 'benchmark', 'review'];
const attempts = 3;

/**
 * Asks for each column of one log entry, re-asking (up to three times) when an answer breaks
 * the column's rule, and refuses the entry, writing nothing, when input ends or an answer
 * stays wrong.
 */
export async function askForEntry(prompter: Prompter, rows: string[], today: string): Promise<MistakeEntry> {
  const ask = async (prompt: string, check: (answer: string) => string | undefined, fallback?: string): Promise<string> => {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const line = await prompter.ask(fallback === undefined ? `${prompt}: ` : `${prompt} [${fallback}]: `);
      if (line === undefined) throw new MistakeLogError('Input ended before the entry was complete; nothing was written.');
      const answer = line.trim() === '' && fallback !== undefined ? fallback : line.trim();
      const problem = check(answer);
      if (!problem) return answer;
      prompter.say(`  ${problem}`);
    }
    throw new MistakeLogError(`"${prompt}" was not answered in the form it needs after ${attempts} tries; nothing was written.`);
  };
  const text = (what: string) => (answer: string) => (answer.length >= 3 ? undefined : `${what} is required (at least a few words).`);
  const choice = (options: readonly string[]) => (answer: string) =>
    /^\d+$/.test(answer) && Number(answer) >= 1 && Number(answer) <= options.length ? undefined : `Answer with a number from 1 to ${options.length}.`;

  const date = await ask('Date (YYYY-MM-DD)', (answer) => (/^\d{4}-\d{2}-\d{2}$/.test(answer) && !Number.isNaN(Date.parse(answer)) ? undefined : 'Write the date as YYYY-MM-DD.'), today);
  const mistake = await ask('Mistake, in a few words', text('The mistake'));
  const symptom = await ask('Symptom: what you saw, or would see, when it fails', text('The symptom'));
  const rootCause = await ask('Root cause: the hidden assumption', text('The root cause'));
  prompter.say(['Kind of repair evidence:', ...evidenceKinds.map((kind, i) => `  ${i + 1}. ${kind}`)].join('\n'));
  const kind = evidenceKinds[Number(await ask('Evidence kind (number)', choice(evidenceKinds))) - 1]!;
  const description = await ask('Repair evidence: what changed, with a link or path', text('The evidence'));
  const evidence: RepairEvidence = { kind, description };
  if (kind === 'failing-test') {
    const file = await ask('Test file (path in this repository)', text('The test file'));
    const name = await ask('Test name (as Vitest prints it)', text('The test name'));
    evidence.test = { file, name };
    evidence.commit = await ask('A commit where that test fails (before the repair)', (answer) => (/^[0-9a-f]{7,40}$/.test(answer) ? undefined : 'Give a commit id: 7 to 40 hex digits (git log --oneline).'));
  }
  const retrievalCard = await ask('Retrieval card ("Check ... before ..." or "Do not use ... when ...")', (answer) =>
    /^(Check \S.* before \S.*|Do not use \S.* when \S.*)$/.test(answer) ? undefined : 'A card begins "Check ... before ..." or "Do not use ... when ...", on one line.');
  const radarOptions = [...rows, 'other'];
  prompter.say(['Radar row it belongs to:', ...radarOptions.map((row, i) => `  ${i + 1}. ${row}`)].join('\n'));
  const radarRow = radarOptions[Number(await ask('Radar row (number)', choice(radarOptions))) - 1]!;
  const earlier = await ask('Earlier skill it connects to (empty for none)', () => undefined, '');
  const entry: MistakeEntry = { date, mistake, symptom, rootCause, repairEvidence: evidence, retrievalCard, radarRow, ...(earlier ? { earlierSkill: earlier } : {}) };
  const problems = [...mistakeLogProblems({ version: 1, entries: [entry] }), radarRowProblem(radarRow, rows)].filter((line) => line !== undefined);
  if (problems.length > 0) throw new MistakeLogError(`The entry is not valid:\n  ${problems.join('\n  ')}\nNothing was written.`);
  return entry;
}
