import { parseArgs } from 'node:util';
import { formatDuration, withinLimit } from './log-table.ts';
import { restoreWork, type Started, startAttempt, stopAttempt } from './practice-commands.ts';
import { defaultContext } from './practice-context.ts';
import { PracticeError } from './practice-error.ts';
import type { FinishedAttempt } from './practice-log.ts';
import { practiceSummary } from './practice-summary.ts';
import { watchAttempt } from './watch-attempt.ts';

const usage = `Usage: npm run kata -- <command>

  start <kata> [--variant <name>]  save your work on the kata, put its starter back, start the clock
                                   and run its tests in watch mode; the attempt ends when they pass
  stop                             end the running attempt (as not passed), from any terminal
  log                              every attempt against its time limit and "repeat until" target
  restore [<kata>]                 bring back the work saved by the last start (of that kata)

More: graders/tools/practice/README.md`;

const ctx = defaultContext();

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { variant: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) return void console.log(usage);
  if (command !== 'start' && values.variant !== undefined) throw new PracticeError(`--variant belongs to start.\n\n${usage}`);
  switch (command) {
    case 'start': {
      if (rest.length !== 1) throw new PracticeError(`start takes one kata, e.g. \`npm run kata -- start 01\`.\n\n${usage}`);
      return start(await startAttempt(ctx, rest[0]!, values.variant));
    }
    case 'stop':
      return void report(await stopAttempt(ctx));
    case 'log':
      return void console.log(await practiceSummary(ctx));
    case 'restore': {
      if (rest.length > 1) throw new PracticeError(`restore takes at most one kata.\n\n${usage}`);
      const saved = await restoreWork(ctx, rest[0]);
      return void console.log(`Restored ${saved.files.length} file(s) of ${saved.kata}, saved at ${saved.savedAt}:\n  ${saved.files.join('\n  ')}`);
    }
    default:
      throw new PracticeError(`Unknown command "${command}".\n\n${usage}`);
  }
}

async function start(started: Started): Promise<void> {
  const { attempt, kata, saved } = started;
  if (saved) console.log(`Saved your work (${saved.files.length} file(s)); \`npm run kata -- restore\` brings it back.`);
  console.log(
    `Clock started for ${kata.meta.title} (${attempt.variant}): ${attempt.timeLimitMinutes} min. ` +
      'Edit the starter; the attempt ends when every test passes, or on `npm run kata -- stop`.',
  );
  const session = await watchAttempt(ctx, started);
  const interrupt = () => void stopAttempt(ctx).catch(() => undefined);
  process.once('SIGINT', interrupt);
  const finished = await session.ended;
  process.off('SIGINT', interrupt);
  await session.close();
  report(finished);
}

function report(attempt: FinishedAttempt): void {
  const time = formatDuration(attempt.elapsedMs);
  console.log(
    attempt.passed
      ? `${attempt.kata} (${attempt.variant}) passed in ${time}, ${withinLimit(attempt) ? 'within' : 'over'} the ${attempt.timeLimitMinutes} min limit.`
      : `${attempt.kata} (${attempt.variant}) stopped after ${time}, not passed.`,
  );
  console.log('`npm run kata -- log` shows every attempt against the kata\'s "repeat until" target.');
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof PracticeError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
