import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareSchemas, SchemaInputError } from '../../testkit/events/compat.ts';
import { checkEventPath, EventInputError } from './event-files.ts';

const usage = `Usage: npm run events -- <command>

  check [path]             check event names and contracts: every *.schema.json (an event's JSON
                           Schema) and *.event.json (a recorded event) under path (default: .)
  compat <old> <new>       whether a consumer on the old schema can read events of the new one

Exit codes: 0 nothing to report, 1 findings or breaking changes (one line each), 2 input that
cannot be read as events or schemas.`;

/** npm runs scripts from the repository root; paths are read from where the learner typed them. */
const typedFrom = process.env.INIT_CWD ?? process.cwd();

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(resolve(typedFrom, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new EventInputError(`${file} cannot be read (${error.code ?? error.message}).`);
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EventInputError(`${file} is not valid JSON (${(error as Error).message}): fix the syntax.`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  const [command, ...args] = positionals;
  if (values.help || command === undefined) return void console.log(usage), command === undefined && !values.help ? 2 : 0;
  if (command === 'check') {
    if (args.length > 1) throw new EventInputError(`check takes one path.\n\n${usage}`);
    const { checked, notEvents } = await checkEventPath(resolve(typedFrom, args[0] ?? '.'), typedFrom);
    const lines = checked.flatMap(({ file, findings }) => findings.map((f) => `${file}: ${f.event}: ${f.rule}: ${f.problem}. Fix: ${f.fix}.`));
    lines.forEach((line) => console.log(line));
    const skipped = notEvents.length > 0 ? ` (${notEvents.length} schema file(s) describe no event and were left alone)` : '';
    console.error(`${lines.length} finding(s) in ${checked.length} event file(s)${skipped}.`);
    return lines.length > 0 ? 1 : 0;
  }
  if (command === 'compat') {
    if (args.length !== 2) throw new EventInputError(`compat takes two schema files, the old one first.\n\n${usage}`);
    const [previous, next] = args as [string, string];
    const changes = compareSchemas(await readJson(previous), await readJson(next), { previous, next });
    changes.forEach((change) => console.log(`${next}: ${change.path}: ${change.reason}.`));
    console.error(changes.length === 0
      ? `${next} is backward compatible with ${previous}: a consumer on the old schema reads its events.`
      : `${changes.length} breaking change(s): a consumer on ${previous} cannot read every event of ${next}.`);
    return changes.length > 0 ? 1 : 0;
  }
  throw new EventInputError(`Unknown command "${command}".\n\n${usage}`);
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof EventInputError || error instanceof SchemaInputError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error((error as Error).message);
      process.exitCode = 2;
    } else throw error;
  },
);
