import type { Exercise } from '../runner/exercise-catalog.ts';
import { reproductionTestFile } from '../runner/reproduction-legs.ts';
import { markdownSections } from '../../testkit/harness/markdown-sections.ts';
import { type MistakeEntry, readMistakeLog, writeMistakeLog } from './mistake-log.ts';

export const cardForm = /^(Check \S.* before \S.*|Do not use \S.* when \S.*)$/;

/**
 * The mistake-log entry a passed clinic item earns: the mistake and radar row from the item,
 * the hidden assumption and the card from the learner's answers.md, and as evidence the
 * learner's own reproduction test, proven on its three legs. An answers.md that does not
 * give both, or a card out of form, logs nothing and says why.
 */
export function clinicEntry(exercise: Exercise, answers: string | undefined, proven: { testName: string; date: string }):
  { entry: MistakeEntry; problem?: undefined } | { entry?: undefined; problem: string } {
  const clinic = exercise.meta.clinic;
  if (!clinic) return { problem: `${exercise.path} is not a clinic item` };
  const sections = markdownSections(answers ?? '');
  const written = (heading: string) => {
    const text = sections.get(heading)?.trim();
    return text && !/\bTODO\b/.test(text) ? text.replace(/\s+/g, ' ') : undefined;
  };
  const rootCause = written('Hidden assumption');
  const card = written('Retrieval card');
  if (!rootCause) return { problem: 'answers.md: write the "Hidden assumption" section (it still says TODO or is missing)' };
  if (!card) return { problem: 'answers.md: write the "Retrieval card" section (it still says TODO or is missing)' };
  if (!cardForm.test(card)) return { problem: `answers.md: the retrieval card must be one line beginning "Check ... before ..." or "Do not use ... when ..."; it reads "${card}"` };
  if (!clinic.cardMustName.some((word) => card.toLowerCase().includes(word.toLowerCase()))) {
    return { problem: `answers.md: the retrieval card names nothing from this exercise; use one of: ${clinic.cardMustName.join(', ')}` };
  }
  return {
    entry: {
      date: proven.date,
      mistake: exercise.meta.title.replace(/^Clinic:\s*/, ''),
      symptom: `the behaviour tests of ${exercise.path} failed on the shipped code`,
      rootCause,
      repairEvidence: {
        kind: 'failing-test',
        description: `my reproduction fails on the shipped code and passes on my repair and the course's`,
        test: { file: `exercises/${exercise.path}/${reproductionTestFile}`, name: proven.testName },
        provenBy: 'clinic-legs',
      },
      retrievalCard: card,
      radarRow: clinic.radarRow,
      exercise: exercise.path,
    },
  };
}

/** Writes a clinic item's entry into the log: replacing that item's earlier entry, else appending. */
export async function recordClinicEntry(logFile: string, entry: MistakeEntry): Promise<void> {
  const log = await readMistakeLog(logFile);
  const at = log.entries.findIndex((existing) => existing.exercise === entry.exercise);
  const entries = at === -1 ? [...log.entries, entry] : log.entries.map((existing, i) => (i === at ? { ...entry, date: existing.date } : existing));
  await writeMistakeLog(logFile, { ...log, entries });
}
