import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PracticeError } from '../practice/practice-error.ts';
import { type PracticeLog, readLog } from '../practice/practice-log.ts';
import { compareDesign } from './compare.ts';
import { runKataTests } from './kata-test-runner.ts';
import { formatFinding } from '../../testkit/design/design-findings.ts';
import { checkTarget, DesignInputError, resolveTarget } from './design-kata.ts';
import { askReflection, changeProblem, parseScores, type Prompter, readRubric, recordReflection, reflection, reflectionReport, ReflectInputError } from './reflect.ts';
import { practiceTimeUp } from './time-up.ts';

const usage = `Usage: npm run design -- <command> <kata-or-path>

  check <kata-or-path>     check a design kata's design.yaml (or any design.yaml): YAML syntax,
                           the form (graders/schemas/design.schema.json), component kinds from the
                           vocabulary, flows between declared components, every NFR traced
  compare <kata>           once the attempt passes its checks (or the time limit of its practice
                           attempt ran out): the kata's expected components beside yours, which of
                           them your design covers, which common mistakes the tests found in your
                           core, and the others to critique your design against
  reflect <kata>           after compare: score your design on the kata's rubric and write one
                           change you would make, recorded in the practice log (no points)
      --scores dim=N,...   all scores at once (1-5 each), instead of being asked
      --change "..."       the change, instead of being asked

A kata is named by its folder under exercises/design/, with or without its number.
Exit codes: 0 nothing to report, 1 findings (one line each: file:line: rule: problem. Fix: ...)
or compare refused, 2 input that is not a design.yaml or a kata, or reflect input to correct.`;

/** npm runs scripts from the repository root; paths are read from where the learner typed them. */
const typedFrom = process.env.INIT_CWD ?? process.cwd();
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

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

/** The practice log of the course folder (for compare, a damaged one only costs the time-up check). */
async function practiceLog(stateDir: string): Promise<PracticeLog | undefined> {
  try {
    return await readLog(stateDir);
  } catch (error) {
    if (!(error instanceof PracticeError)) throw error;
    console.error(`Note: ${error.message}\nCompare cannot tell whether a practice attempt ran out of time, so it opens only once the checks pass.`);
    return undefined;
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv, allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, course: { type: 'string' }, scores: { type: 'string' }, change: { type: 'string' } },
  });
  const [command, ...args] = positionals;
  if (values.help) return void console.log(usage), 0;
  if (command === undefined) return void console.error(usage), 2;
  // --course points the command at another course folder (the tests' fixture course).
  const courseRoot = values.course === undefined ? repoRoot : resolve(typedFrom, values.course);
  const stateDir = join(courseRoot, '.course', 'practice');
  if (command !== 'check' && command !== 'compare' && command !== 'reflect') throw new DesignInputError(`Unknown command "${command}".\n\n${usage}`);
  if (args.length !== 1) throw new DesignInputError(`${command} takes one kata or path.\n\n${usage}`);
  if (command !== 'reflect' && (values.scores !== undefined || values.change !== undefined)) throw new DesignInputError(`--scores and --change belong to reflect.\n\n${usage}`);
  const target = resolveTarget(args[0]!, courseRoot, typedFrom);
  if (command === 'check') {
    const { findings } = checkTarget(target);
    findings.forEach((finding) => console.log(formatFinding(finding)));
    console.error(findings.length === 0
      ? `${target.shown}: no findings.${target.kata?.expected ? ` Next: npm run design -- compare ${target.kata.slug}` : ''}`
      : `${findings.length} finding(s) in ${target.shown}.`);
    return findings.length > 0 ? 1 : 0;
  }
  const kata = target.kata;
  if (kata === undefined) throw new DesignInputError(`${target.shown} belongs to no design kata: ${command} works on a kata (exercises/design/<kata>/design.yaml).`);
  const kataPath = `design/${kata.slug}`;
  if (command === 'compare') {
    const log = await practiceLog(stateDir);
    const timeUp = log && practiceTimeUp(log, kataPath, Date.now());
    const outcome = compareDesign(target, runKataTests, timeUp ? { timeUp } : {});
    if ('refused' in outcome) return void console.error(outcome.refused), 1;
    console.log(outcome.report);
    return 0;
  }
  const rubric = readRubric(kata.folder, kata.slug);
  await readLog(stateDir); // a damaged log is refused before anything is asked
  let answers: { scores: ReturnType<typeof parseScores>; change: string };
  if (values.scores !== undefined || values.change !== undefined) {
    if (values.scores === undefined || values.change === undefined) throw new ReflectInputError(`reflect takes --scores and --change together (or neither, to be asked). Nothing was recorded.\n\n${usage}`);
    // Both flags' problems are named at once, so one correction fixes the command.
    const problems: string[] = [];
    let scores: ReturnType<typeof parseScores> | undefined;
    try {
      scores = parseScores(values.scores);
    } catch (error) {
      if (!(error instanceof ReflectInputError)) throw error;
      problems.push(error.message.replace(/ Nothing was recorded\.$/, ''));
    }
    const changeWrong = changeProblem(values.change);
    if (changeWrong) problems.push(`--change: ${changeWrong}.`);
    if (problems.length > 0 || scores === undefined) throw new ReflectInputError(`${problems.join('\n')}\nNothing was recorded.`);
    answers = { scores, change: values.change };
  } else {
    const prompter = terminalPrompter();
    try {
      answers = await askReflection(rubric, prompter);
    } finally {
      prompter.close();
    }
  }
  const history = await recordReflection(stateDir, reflection(kataPath, answers.scores, answers.change, rubric, Date.now()));
  console.log(reflectionReport(history));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof DesignInputError || error instanceof PracticeError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error((error as Error).message);
      process.exitCode = 2;
    } else throw error;
  },
);
