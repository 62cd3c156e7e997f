import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closest } from 'fastest-levenshtein';
import { courseSchema, describeSchemaErrors } from '../../grading/runner/schema-validator.ts';
import { type PracticeLog, readLog, type Reflection, writeLog } from '../practice/practice-log.ts';
import { DesignInputError } from './design-kata.ts';
import { type DimensionId, dimensions, highest, lowest, type Scores, weightedScore, type Weights } from './rubric.ts';

/** Reflect input the learner can correct (a score, a dimension, the change): exit 2, nothing recorded. */
export class ReflectInputError extends DesignInputError {}

export interface Rubric {
  calibration: string;
  weights: Weights;
}

/** The kata's rubric, from its exercise.json, checked against graders/schemas/exercise.schema.json. */
export function readRubric(kataFolder: string, slug: string): Rubric {
  const where = `exercises/design/${slug}/exercise.json`;
  let meta: unknown;
  try {
    meta = JSON.parse(readFileSync(join(kataFolder, 'exercise.json'), 'utf8'));
  } catch (error) {
    throw new DesignInputError(`${where} cannot be read (${(error as Error).message}): restore it with git checkout -- ${where}.`);
  }
  const validate = courseSchema('exercise.schema.json');
  if (!validate(meta)) throw new DesignInputError(`${where} breaks graders/schemas/exercise.schema.json: ${describeSchemaErrors(validate.errors).join('; ')}.`);
  const rubric = (meta as { rubric?: Rubric }).rubric;
  if (rubric === undefined) throw new DesignInputError(`${where} has no "rubric", so there is nothing to score against: this is the course's gap, not yours; tell the instructor.`);
  return rubric;
}

const ids: readonly string[] = dimensions.map((d) => d.id);
const example = dimensions.map((d) => `${d.id}=3`).join(',');

/** One score as typed: a whole number from 1 to 5, or why not. */
export function scoreProblem(text: string): string | undefined {
  return /^\d+$/.test(text.trim()) && Number(text) >= lowest && Number(text) <= highest ? undefined : `"${text.trim()}" is not a whole number from ${lowest} to ${highest}`;
}

/** `--scores dim=N,...`: every dimension once, each a whole number 1-5; every problem named at once. */
export function parseScores(text: string): Scores {
  const problems: string[] = [];
  const scores: Partial<Record<string, number>> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([^=\s]+)\s*=\s*(.*)$/.exec(part);
    if (!match) {
      problems.push(`"${part}" is not dimension=score`);
      continue;
    }
    const [, id, value] = match as unknown as [string, string, string];
    if (!ids.includes(id)) problems.push(`"${id}" is no dimension of the rubric (did you mean ${closest(id, [...ids])}?)`);
    else if (scores[id] !== undefined) problems.push(`${id} is scored twice`);
    else {
      const problem = scoreProblem(value);
      if (problem) problems.push(`${id}: ${problem}`);
      else scores[id] = Number(value);
    }
  }
  const missing = ids.filter((id) => scores[id] === undefined && !problems.some((p) => p.startsWith(`${id}:`) || p.startsWith(`${id} `)));
  if (missing.length > 0) problems.push(`no score for ${missing.join(', ')}`);
  if (problems.length > 0) {
    throw new ReflectInputError(`--scores: ${problems.join('; ')}. Score every dimension from ${lowest} (your design misses it) to ${highest} (nothing to add), e.g. --scores ${example}. Nothing was recorded.`);
  }
  return scores as Scores;
}

/** The one change the learner would make: a sentence, not a blank or a word. */
export function changeProblem(text: string): string | undefined {
  const change = text.trim();
  if (change.length === 0) return 'the change is empty: write one change you would make to your design, as a sentence';
  if (change.length < 10) return `"${change}" is too short to say what you would change: write it as a sentence (what, and why)`;
  if (change.length > 500) return `the change is ${change.length} characters long: keep it to one change, in at most 500 characters`;
  return undefined;
}

export function reflection(kataPath: string, scores: Scores, change: string, rubric: Rubric, now: number): Reflection {
  const problem = changeProblem(change);
  if (problem) throw new ReflectInputError(`--change: ${problem}. Nothing was recorded.`);
  return { kata: kataPath, at: new Date(now).toISOString(), scores, weights: rubric.weights, weighted: weightedScore(scores, rubric.weights), change: change.trim() };
}

/**
 * Adds the reflection to the practice log; a damaged log is refused before anything is
 * written, and the write replaces the whole file at once (writeLog), so nothing already
 * recorded is lost. Returns the kata's reflections, oldest first, the new one last.
 */
export async function recordReflection(stateDir: string, entry: Reflection): Promise<Reflection[]> {
  const log: PracticeLog = await readLog(stateDir);
  const reflections = [...(log.reflections ?? []), entry];
  await writeLog(stateDir, { ...log, reflections });
  return reflections.filter((r) => r.kata === entry.kata);
}

export interface Prompter {
  /** One line of input; undefined when the input has ended. */
  ask(prompt: string): Promise<string | undefined>;
  say(text: string): void;
}

/** Asks for each dimension's score, then the change, asking again after an answer it cannot use. */
export async function askReflection(rubric: Rubric, prompter: Prompter): Promise<{ scores: Scores; change: string }> {
  prompter.say(`Score your design from ${lowest} (it misses this) to ${highest} (nothing to add). ${rubric.calibration}`);
  const scores: Partial<Record<DimensionId, number>> = {};
  const ended = () => new ReflectInputError('The input ended before every answer was given. Nothing was recorded.');
  for (const d of dimensions) {
    prompter.say(`\n${d.name} (weight ${rubric.weights[d.id]}): ${d.asks}.`);
    for (;;) {
      const answer = await prompter.ask(`  your score (${lowest}-${highest}): `);
      if (answer === undefined) throw ended();
      const problem = scoreProblem(answer);
      if (!problem) {
        scores[d.id] = Number(answer);
        break;
      }
      prompter.say(`  ${problem}; try again.`);
    }
  }
  for (;;) {
    const answer = await prompter.ask('\nOne change you would make to your design: ');
    if (answer === undefined) throw ended();
    const problem = changeProblem(answer);
    if (!problem) return { scores: scores as Scores, change: answer.trim() };
    prompter.say(`  ${problem}; try again.`);
  }
}

/** What the learner sees once the reflection is recorded. */
export function reflectionReport(history: readonly Reflection[]): string {
  const latest = history.at(-1)!;
  const width = Math.max(...dimensions.map((d) => d.name.length));
  return [
    `Reflection recorded for ${latest.kata}: weighted self-score ${latest.weighted.toFixed(1)} of ${highest}.`,
    '',
    ...dimensions.map((d) => `  ${d.name.padEnd(width)}  weight ${latest.weights[d.id]}  score ${latest.scores[d.id]}`),
    '',
    `The change you would make: ${latest.change}`,
    ...(history.length > 1 ? [`Your weighted self-score across ${history.length} reflections on this kata: ${history.map((r) => r.weighted.toFixed(1)).join(' -> ')}.`] : []),
    '',
    'Self-scores earn no points: they are there for you to compare across repeats (npm run progress shows them).',
  ].join('\n');
}
