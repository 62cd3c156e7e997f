import { dirname, join, resolve } from 'node:path';
import { repoRoot } from '../../grading/runner/repo-paths.ts';
import { quizLogFileName } from '../../grading/quiz/quiz-log.ts';
import { parseArgs } from 'node:util';
import { defaultStateFile } from './quiz-state.ts';

export const usage = `Usage: npm run quiz [-- --concept N | --cluster N] [--seed S] [--answers FILE]
       npm run diagnostic [-- --answers FILE]
       npm run quiz -- --coverage

  --concept N     only concept N (1 to 15), e.g. --concept 6 for the transactional outbox
  --cluster N     only cluster N (1 to 5) of the module guide
  --seed S        the order of the questions (a whole number); the same seed gives the same paper
  --answers FILE  read answers from FILE, one line per answer, instead of the keyboard
  --coverage      list each concept page's check-yourself questions and each cluster's
                  mastery check with the bank items that ask them, then stop
  --state FILE    where spaced-review progress is kept (default .course/quiz-state.json)
  --log FILE      where every answer is recorded (default quiz-log.json at the repository
                  root, or beside --state when --state is given); commit it: npm run grade
                  reports it as self-reported practice, worth 0 points

Questions missed last time come first. Answer by key (a, b, c...), several keys for
"every right key" and ordering questions, a whole number for numeric ones.`;

/** Bad arguments: the message and exit code 2. */
export class UsageError extends Error {}

function wholeNumber(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, not "${text}".`);
  return n;
}

export interface QuizArgs {
  help: boolean;
  coverage: boolean;
  concept?: number;
  cluster?: number;
  diagnostic: boolean;
  seed: number;
  answersFile?: string;
  stateFile: string;
  logFile: string;
}

/** The command line, checked: a UsageError says what is wrong and what to type instead. */
export function parseQuizArgs(argv: string[], here: string, randomSeed: () => number): QuizArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        concept: { type: 'string' },
        cluster: { type: 'string' },
        seed: { type: 'string' },
        answers: { type: 'string' },
        state: { type: 'string' },
        log: { type: 'string' },
        diagnostic: { type: 'boolean' },
        coverage: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const concept = wholeNumber('concept', values.concept, 1, 15);
  const cluster = wholeNumber('cluster', values.cluster, 1, 5);
  if (concept !== undefined && cluster !== undefined) throw new UsageError('Give --concept or --cluster, not both.');
  const diagnostic = values.diagnostic ?? false;
  if (diagnostic && (concept !== undefined || cluster !== undefined)) throw new UsageError('The diagnostic is always the same five questions: drop --concept and --cluster.');
  return {
    help: values.help ?? false,
    coverage: values.coverage ?? false,
    concept,
    cluster,
    diagnostic,
    seed: wholeNumber('seed', values.seed, 0, 2 ** 32 - 1) ?? randomSeed(),
    // npm runs scripts from the repository root; paths are read from where they were typed.
    answersFile: values.answers === undefined ? undefined : resolve(here, values.answers),
    stateFile: values.state === undefined ? defaultStateFile : resolve(here, values.state),
    // A scratch --state (tests, a trial run) keeps its answers beside it, out of the learner's log.
    logFile: values.log !== undefined ? resolve(here, values.log)
      : values.state !== undefined ? join(dirname(resolve(here, values.state)), quizLogFileName) : join(repoRoot, quizLogFileName),
  };
}
