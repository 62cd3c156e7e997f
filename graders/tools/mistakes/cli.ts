import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../../grading/runner/repo-paths.ts';
import { askForEntry, type Prompter } from './add-entry.ts';
import { completionStandard } from '../../grading/mistake-log/completion.ts';
import { mistakeTable } from '../../grading/mistake-log/log-table.ts';
import { appendMistake, logFileName, MistakeLogError, readMistakeLog } from '../../grading/mistake-log/mistake-log.ts';
import { radarRows } from '../../grading/mistake-log/radar.ts';
import { checkEvidence } from '../../grading/mistake-log/verify-evidence.ts';

const usage = `Usage: npm run mistakes -- [command] [--log FILE]

  (no command)  your entries, and progress against the clinic's completion standard
  add           add a mistake of your own, asked column by column
  table         the log as a Markdown table (paste it into a report)
  verify        run the failing-test evidence: each named test must fail at its commit and pass now

The log is ${logFileName} at the repository root (schema: graders/schemas/mistake-log.schema.json).`;

function terminalPrompter(): Prompter & { close(): void } {
  const lines = createInterface({ input: process.stdin, terminal: false });
  const queue = lines[Symbol.asyncIterator]();
  return {
    async ask(prompt) {
      process.stdout.write(prompt);
      const next = await queue.next();
      return next.done ? undefined : next.value;
    },
    say: (text) => console.log(text),
    close: () => lines.close(),
  };
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { log: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void console.log(usage), 0;
  // npm runs scripts from the repository root; a --log path is read from where it was typed.
  const file = values.log ? resolve(process.env.INIT_CWD ?? process.cwd(), values.log) : join(repoRoot, logFileName);
  const [command = 'list', ...rest] = positionals;
  if (rest.length > 0) throw new MistakeLogError(`"${command}" takes no further words.\n\n${usage}`);
  switch (command) {
    case 'list': {
      const { entries } = await readMistakeLog(file);
      if (entries.length === 0) console.log(`No mistakes logged yet (${logFileName}). Pass a clinic item, or \`npm run mistakes -- add\`.`);
      for (const [i, entry] of entries.entries()) console.log(`${i + 1}. ${entry.date}  ${entry.mistake}  [${entry.repairEvidence.kind}]\n   ${entry.retrievalCard}`);
      console.log('\nCompletion standard:');
      for (const line of completionStandard(entries)) {
        console.log(`  ${line.done ? 'done   ' : 'not yet'}  ${line.rule}: ${line.have} of ${line.need}${line.done ? '' : `. Next: ${line.next}`}`);
      }
      return 0;
    }
    case 'table':
      return void console.log(mistakeTable((await readMistakeLog(file)).entries)), 0;
    case 'add': {
      await readMistakeLog(file); // refuse before asking anything when the log itself is broken
      const prompter = terminalPrompter();
      try {
        const entry = await askForEntry(prompter, radarRows(), new Date().toISOString().slice(0, 10));
        const log = await appendMistake(file, entry);
        console.log(`Logged as entry ${log.entries.length} in ${logFileName}.`);
      } finally {
        prompter.close();
      }
      return 0;
    }
    case 'verify': {
      const { entries } = await readMistakeLog(file);
      const checks = await Promise.all(entries.filter((e) => e.repairEvidence.kind === 'failing-test').map((e) => checkEvidence(repoRoot, e)));
      for (const check of checks) console.log(`${check.holds ? 'holds  ' : 'BROKEN '} ${check.entry.mistake}: ${check.detail}`);
      if (checks.length === 0) console.log('No entry names a failing test to verify.');
      return checks.every((check) => check.holds) ? 0 : 1;
    }
    default:
      throw new MistakeLogError(`Unknown command "${command}".\n\n${usage}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof MistakeLogError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error((error as Error).message);
      process.exitCode = 2;
    } else throw error;
  },
);
