import type { GradeResults } from '../grade/grade-results.ts';
import type { StandardLine } from '../mistake-log/completion.ts';
import { quizId } from '../quiz/score-quiz.ts';

/** One line of the module's completion standard or outputs, as the learner's checkout stands. */
export interface ProgressLine {
  section: 'Outputs' | 'Katas' | 'Design katas' | 'Clinic' | 'Mistake log' | 'Quiz and diagnostic' | 'Completion standard';
  rule: string;
  done: boolean;
  /** What the evidence shows now. */
  have: string;
  /** What to do next; empty when done. */
  next: string;
}

/** Everything the view reads: the grader's results, the practice log, the logs' counts. */
export interface ProgressInputs {
  results?: GradeResults;
  /** Finished practice attempts (.course/practice/log.json): which kata, which variant. */
  attempts: { kata: string; variant: string }[];
  /** The design katas (paths below exercises/) and the reflections the practice log holds, oldest first. */
  designKatas: string[];
  reflections: { kata: string; at: string; weighted: number; change: string }[];
  mistakeStandard: StandardLine[];
  /** Bank item ids by concept number. */
  bankByConcept: Map<number, string[]>;
  /** The five diagnostic item ids, and those the quiz log holds a diagnostic answer for. */
  diagnosticItems: string[];
  diagnosticAnswered: Set<string>;
}

const katas = ['katas/01-order-placed-event', 'katas/02-transactional-outbox', 'katas/03-checkout-saga', 'katas/04-cqrs-decision'];

/** The module's seven outputs (modules/README.md, "What you produce") and the exercise that evidences each. */
const outputs: { rule: string; exercise?: string }[] = [
  { rule: 'An event catalogue of at least 20 past-tense events', exercise: 'katas/01-order-placed-event' },
  { rule: 'A sketch comparing a queue-based and a log-based broker', exercise: 'labs/02-queue-or-log' },
  { rule: 'A working outbox: schema, write transaction, relay and idempotency key flow', exercise: 'katas/02-transactional-outbox' },
  { rule: 'A full saga diagram: happy path, one failure path and every compensation', exercise: 'katas/03-checkout-saga' },
  { rule: 'A memo defending a CQRS or single-model decision', exercise: 'katas/04-cqrs-decision' },
  { rule: 'An idempotency design for a real consumer, with its dedup store and key', exercise: 'katas/02-transactional-outbox' },
  { rule: 'A mistake log with at least 10 named errors' },
];

/** The completion standard's lines, each answered by the quiz items of the concepts it rests on. */
const standard: { rule: string; concepts: number[] }[] = [
  { rule: 'Name an event in the past tense without smuggling in a command', concepts: [1, 2] },
  { rule: 'Explain why publishing after a commit and publishing from an outbox differ', concepts: [6] },
  { rule: 'Choose between a queue-based and a log-based broker for a reason', concepts: [7, 8] },
  { rule: 'Walk a saga through its happy path and a failure, with correct compensations', concepts: [11] },
  { rule: 'Tell event sourcing apart from "using events to communicate"', concepts: [13] },
  { rule: 'Explain CQRS to someone who thinks it means "two databases"', concepts: [15] },
];

const noGrade = 'run `npm run grade` (the view reads results/grade.json)';

/** The whole view, computed from its inputs alone (no files, no clock), so fixtures can drive it. */
export function progressLines(input: ProgressInputs): ProgressLine[] {
  const byPath = new Map((input.results?.exercises ?? []).map((e) => [e.path, e]));
  const graded = input.results !== undefined && input.results.target === 'learner';
  const lines: ProgressLine[] = [];
  const tenEntries = input.mistakeStandard.at(-1);
  for (const output of outputs) {
    if (!output.exercise) {
      lines.push({ section: 'Outputs', rule: output.rule, done: tenEntries?.done ?? false, have: `${tenEntries?.have ?? 0} of 10 entries`, next: tenEntries?.done ? '' : 'keep logging: `npm run mistakes -- add`, or pass clinic items' });
      continue;
    }
    const result = graded ? byPath.get(output.exercise) : undefined;
    const done = result?.status === 'passed';
    lines.push({
      section: 'Outputs', rule: output.rule, done,
      have: result ? `${output.exercise}: ${result.testsPassed}/${result.testsTotal} tests` : `${output.exercise}: not graded yet`,
      next: done ? '' : result ? `finish ${output.exercise}: \`npm run watch -- ${output.exercise.split('/')[1]}\`` : noGrade,
    });
  }
  for (const kata of katas) {
    const variants = new Set(input.attempts.filter((a) => a.kata === kata).map((a) => a.variant));
    const done = variants.size >= 2;
    lines.push({
      section: 'Katas', rule: `${kata} run at least twice, with different variants`, done,
      have: variants.size === 0 ? 'no attempt logged' : `variants tried: ${[...variants].sort().join(', ')}`,
      next: done ? '' : `\`npm run kata -- start ${kata.split('/')[1]} --variant <another>\``,
    });
  }
  for (const kata of input.designKatas) {
    const mine = input.reflections.filter((r) => r.kata === kata);
    const latest = mine.at(-1);
    const slug = kata.split('/')[1];
    const moved = mine.length > 1 ? ` (across ${mine.length} reflections: ${mine.map((r) => r.weighted.toFixed(1)).join(' -> ')})` : '';
    lines.push({
      section: 'Design katas', rule: `${kata} reflected on after Compare (self-scored: no points)`, done: latest !== undefined,
      have: latest ? `latest ${latest.at.slice(0, 10)}: weighted self-score ${latest.weighted.toFixed(1)} of 5${moved}; change: ${latest.change}` : 'no reflection recorded',
      next: `\`npm run design -- compare ${slug}\`, then \`npm run design -- reflect ${slug}\``,
    });
  }
  const clinic = graded ? input.results!.exercises.filter((e) => e.path.startsWith('clinic/')) : [];
  const clinicPassed = clinic.filter((e) => e.status === 'passed').length;
  const firstOpen = clinic.find((e) => e.status !== 'passed');
  lines.push({
    section: 'Clinic', rule: 'Every clinic item passes (its reproduction holds, and the repair)', done: clinic.length > 0 && clinicPassed === clinic.length,
    have: clinic.length === 0 ? 'not graded yet' : `${clinicPassed} of ${clinic.length} items`,
    next: clinic.length === 0 ? noGrade : firstOpen ? `next: ${firstOpen.path}` : '',
  });
  for (const line of input.mistakeStandard) {
    lines.push({ section: 'Mistake log', rule: line.rule, done: line.done, have: `${line.have} of ${line.need}`, next: line.done ? '' : line.next });
  }
  const quiz = graded ? byPath.get('quiz-log.json') ?? input.results!.exercises.find((e) => e.id === quizId) : undefined;
  const rightItems = new Set((quiz?.tests ?? []).filter((t) => t.status === 'passed').map((t) => t.name));
  const bankSize = [...input.bankByConcept.values()].reduce((n, ids) => n + ids.length, 0);
  lines.push({
    section: 'Quiz and diagnostic', rule: 'The diagnostic taken (the guide\'s five closed-book questions)',
    done: input.diagnosticItems.length > 0 && input.diagnosticItems.every((id) => input.diagnosticAnswered.has(id)),
    have: `${input.diagnosticItems.filter((id) => input.diagnosticAnswered.has(id)).length} of ${input.diagnosticItems.length} answered`,
    next: '`npm run diagnostic`, before the concept pages',
  });
  lines.push({
    section: 'Quiz and diagnostic', rule: 'Every quiz question answered right (self-reported practice)', done: quiz !== undefined && rightItems.size === bankSize,
    have: quiz ? `${rightItems.size} of ${bankSize} right, recomputed by the grader` : 'not graded yet',
    next: quiz ? '`npm run quiz` (missed questions come first), then commit quiz-log.json' : noGrade,
  });
  for (const line of standard) {
    const ids = line.concepts.flatMap((c) => input.bankByConcept.get(c) ?? []);
    const right = ids.filter((id) => rightItems.has(id)).length;
    const done = ids.length > 0 && right === ids.length;
    lines.push({
      section: 'Completion standard', rule: line.rule, done, have: `quiz on concept ${line.concepts.join(' and ')}: ${right} of ${ids.length} right`,
      next: done ? '' : line.concepts.map((c) => `\`npm run quiz -- --concept ${c}\``).join(', '),
    });
  }
  // Done lines say nothing about what to do next.
  return lines.map((l) => (l.done ? { ...l, next: '' } : l));
}
