import { spawnSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compareDesign, type KataTestRunner } from './compare.ts';
import { formatFinding } from '../../testkit/design/design-findings.ts';
import { checkTarget, DesignInputError, resolveTarget } from './design-kata.ts';

const usage = `Usage: npm run design -- <command> <kata-or-path>

  check <kata-or-path>     check a design kata's design.yaml (or any design.yaml): YAML syntax,
                           the form (graders/schemas/design.schema.json), component kinds from the
                           vocabulary, flows between declared components, every NFR traced
  compare <kata>           once the attempt passes its checks: the kata's expected components
                           beside yours, which of them your design covers, and its common mistakes

A kata is named by its folder under exercises/design/, with or without its number.
Exit codes: 0 nothing to report, 1 findings (one line each: file:line: rule: problem. Fix: ...)
or compare refused, 2 input that is not a design.yaml or a kata.`;

/** npm runs scripts from the repository root; paths are read from where the learner typed them. */
const typedFrom = process.env.INIT_CWD ?? process.cwd();
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The kata's own tests, in the learners' Vitest project, as `npm run watch` would run them. */
const runKataTests: KataTestRunner = (folder) => {
  const run = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'exercises', relative(repoRoot, folder)], { cwd: repoRoot, encoding: 'utf8' });
  const summary = `${run.stdout}${run.stderr}`.split('\n').find((line) => /Tests\s+\d/.test(line))?.trim() ?? `vitest exited with ${run.status}`;
  return { ok: run.status === 0, summary };
};

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv, allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, course: { type: 'string' } },
  });
  const [command, ...args] = positionals;
  if (values.help) return void console.log(usage), 0;
  if (command === undefined) return void console.error(usage), 2;
  // --course points the command at another course folder (the tests' fixture course).
  const courseRoot = values.course === undefined ? repoRoot : resolve(typedFrom, values.course);
  if (command !== 'check' && command !== 'compare') throw new DesignInputError(`Unknown command "${command}".\n\n${usage}`);
  if (args.length !== 1) throw new DesignInputError(`${command} takes one kata or path.\n\n${usage}`);
  const target = resolveTarget(args[0]!, courseRoot, typedFrom);
  if (command === 'check') {
    const { findings } = checkTarget(target);
    findings.forEach((finding) => console.log(formatFinding(finding)));
    console.error(findings.length === 0
      ? `${target.shown}: no findings.${target.kata?.expected ? ` Next: npm run design -- compare ${target.kata.slug}` : ''}`
      : `${findings.length} finding(s) in ${target.shown}.`);
    return findings.length > 0 ? 1 : 0;
  }
  const outcome = compareDesign(target, runKataTests);
  if ('refused' in outcome) return void console.error(outcome.refused), 1;
  console.log(outcome.report);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof DesignInputError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error((error as Error).message);
      process.exitCode = 2;
    } else throw error;
  },
);
