import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BankError, loadBank } from './bank.ts';
import { interpretDiagnostic } from './diagnostic.ts';
import { paper, select } from './quiz-order.ts';
import { type Prompter, runPaper } from './quiz-session.ts';
import { defaultStateFile, QuizStateError, readState, writeState } from './quiz-state.ts';

const usage = `Usage: npm run quiz [-- --concept N | --cluster N] [--seed S] [--answers FILE]
       npm run diagnostic [-- --answers FILE]

  --concept N     only concept N (1 to 15), e.g. --concept 6 for the transactional outbox
  --cluster N     only cluster N (1 to 5) of the module guide
  --seed S        the order of the questions (a whole number); the same seed gives the same paper
  --answers FILE  read answers from FILE, one line per answer, instead of the keyboard
  --state FILE    where progress is kept (default .course/quiz-state.json)

Questions missed last time come first. Answer by key (a, b, c...), several keys for
"every right key" and ordering questions, a whole number for numeric ones.`;

/** Bad arguments: the message and exit code 2. */
class UsageError extends Error {}

function wholeNumber(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, not "${text}".`);
  return n;
}

function lineReader(input: NodeJS.ReadableStream, echo: boolean): Prompter & { close(): void } {
  const lines = createInterface({ input, terminal: false });
  const queue = lines[Symbol.asyncIterator]();
  return {
    async ask(prompt) {
      process.stdout.write(prompt);
      const next = await queue.next();
      // Answers from a file are not typed, so show them as if they were.
      if (echo && !next.done) process.stdout.write(`${next.value}\n`);
      return next.done ? undefined : next.value;
    },
    say: (text) => console.log(text),
    close: () => lines.close(),
  };
}

async function main(argv: string[]): Promise<number> {
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
        diagnostic: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return void console.log(usage), 0;
  const concept = wholeNumber('concept', values.concept, 1, 15);
  const cluster = wholeNumber('cluster', values.cluster, 1, 5);
  if (concept !== undefined && cluster !== undefined) throw new UsageError('Give --concept or --cluster, not both.');
  if (values.diagnostic && (concept !== undefined || cluster !== undefined)) throw new UsageError('The diagnostic is always the same five questions: drop --concept and --cluster.');
  const seed = wholeNumber('seed', values.seed, 0, 2 ** 32 - 1) ?? Math.floor(Math.random() * 2 ** 32);
  // npm runs scripts from the repository root; paths are read from where they were typed.
  const here = process.env.INIT_CWD ?? process.cwd();
  const answersFile = values.answers === undefined ? undefined : resolve(here, values.answers);
  if (answersFile) await access(answersFile).catch(() => Promise.reject(new UsageError(`--answers: no readable file at ${answersFile}.`)));
  const stateFile = values.state === undefined ? defaultStateFile : resolve(here, values.state);

  const bank = loadBank();
  const chosen = select(bank, { concept, cluster, diagnostic: values.diagnostic });
  const state = await readState(stateFile);
  // The diagnostic is asked in the guide's order, and is never reordered by earlier misses.
  const items = values.diagnostic ? chosen : paper(chosen, seed, state.missed);
  const prompter = lineReader(answersFile ? createReadStream(answersFile) : process.stdin, answersFile !== undefined);
  console.log(values.diagnostic ? 'Diagnostic: the five closed-book questions of the module guide. Answer before reading the concept pages.' : `Quiz: ${items.length} questions, seed ${seed} (run again with --seed ${seed} for the same order).`);
  try {
    const result = await runPaper(items, prompter, state, (next) => writeState(stateFile, next));
    if (values.diagnostic && !result.endedEarly) {
      await writeState(stateFile, { ...result.state, diagnostic: { score: result.right, of: items.length, at: new Date().toISOString() } });
      console.log(`\nSolid answers: ${result.right} of ${items.length}. ${interpretDiagnostic(result.right)}`);
    } else {
      console.log(`\nScore: ${result.right} of ${result.answered} answered (${items.length} asked).`);
      const missed = result.state.missed.length;
      if (missed > 0) console.log(`${missed} question(s) missed so far will come first next time.`);
    }
    return result.endedEarly ? 1 : 0;
  } finally {
    prompter.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      process.exitCode = 2;
    } else if (error instanceof QuizStateError || error instanceof BankError) {
      console.error(error.message);
      process.exitCode = 1;
    } else {
      throw error;
    }
  },
);
