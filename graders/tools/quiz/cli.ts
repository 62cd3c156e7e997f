import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { inBankKeys } from '../../grading/quiz/answer-check.ts';
import { BankError, loadBank } from '../../grading/quiz/bank.ts';
import { bankCoverage } from '../../grading/quiz/bank-coverage.ts';
import { renderCoverage } from './coverage-text.ts';
import { appendQuizAnswer, QuizLogError, readQuizLog } from '../../grading/quiz/quiz-log.ts';
import { interpretDiagnostic } from './diagnostic.ts';
import { paper, present, select } from './quiz-order.ts';
import { type Prompter, runPaper } from './quiz-session.ts';
import { QuizStateError, readState, writeState } from './quiz-state.ts';
import { parseQuizArgs, usage, UsageError } from './quiz-args.ts';

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
  const args = parseQuizArgs(argv, process.env.INIT_CWD ?? process.cwd(), () => Math.floor(Math.random() * 2 ** 32));
  if (args.help) return void console.log(usage), 0;
  if (args.coverage) return void console.log(renderCoverage(bankCoverage(loadBank()))), 0;
  const { answersFile, stateFile, logFile, seed } = args;
  if (answersFile) await access(answersFile).catch(() => Promise.reject(new UsageError(`--answers: no readable file at ${answersFile}.`)));

  const bank = loadBank();
  const chosen = select(bank, args);
  const state = await readState(stateFile);
  // Refuse a damaged log before the first question, so no answer is typed in vain.
  await readQuizLog(logFile);
  const byId = new Map(bank.map((item) => [item.id, item]));
  const paperName = args.diagnostic ? 'diagnostic' : 'quiz';
  const logAnswer = (item: (typeof bank)[number], typed: string) =>
    appendQuizAnswer(logFile, { item: item.id, given: inBankKeys(item, byId.get(item.id)!, typed), at: new Date().toISOString(), paper: paperName });
  // The diagnostic is asked in the guide's order, and is never reordered by earlier misses.
  const items = args.diagnostic ? chosen.map((item) => present(item, seed)) : paper(chosen, seed, state.missed);
  const prompter = lineReader(answersFile ? createReadStream(answersFile) : process.stdin, answersFile !== undefined);
  console.log(args.diagnostic ? 'Diagnostic: the five closed-book questions of the module guide. Answer before reading the concept pages.' : `Quiz: ${items.length} questions, seed ${seed} (run again with --seed ${seed} for the same order).`);
  try {
    const result = await runPaper(items, prompter, state, (next) => writeState(stateFile, next), logAnswer);
    if (args.diagnostic && !result.endedEarly) {
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
    } else if (error instanceof QuizStateError || error instanceof BankError || error instanceof QuizLogError) {
      console.error(error.message);
      process.exitCode = 1;
    } else {
      throw error;
    }
  },
);
