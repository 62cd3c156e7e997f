import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CourseRuleError, selectExercises } from '../../grading/runner/exercise-catalog.ts';
import { repoRoot } from '../../grading/runner/repo-paths.ts';
import { openMutant, saveMutant } from './mutant-authoring.ts';

/**
 * `npm run mutant -- open <exercise> <name>`: lays the reference (with the mutant, when it
 * exists) over the starter in .course/mutant-edit/<exercise>/<name>/ to edit.
 * `npm run mutant -- save <exercise> <name> --mistake "..." --caught-by "<file>: <test>"`:
 * writes the edit as solutions/<exercise>/mutants/<name>.patch.
 */
const usage =
  'Usage:\n' +
  '  npm run mutant -- open <exercise> <name>\n' +
  '  npm run mutant -- save <exercise> <name> --mistake "<the mistake, one sentence>" --caught-by "<test file>: <describe › it>"';

async function main(args: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { mistake: { type: 'string' }, 'caught-by': { type: 'string' } } });
  } catch (error) {
    throw new CourseRuleError(`${(error as Error).message}\n${usage}`);
  }
  const { values, positionals } = parsed;
  const [command, exerciseName, name] = positionals;
  if (!command || !exerciseName || !name || !['open', 'save'].includes(command) || positionals.length > 3) throw new CourseRuleError(usage);
  const matches = selectExercises([exerciseName]);
  if (matches.length > 1) {
    throw new CourseRuleError(`"${exerciseName}" matches ${matches.map((e) => e.meta.id).join(', ')}: name one exercise.`);
  }
  const exercise = matches[0]!;
  if (command === 'open') {
    const { folder, existing } = await openMutant(exercise, name);
    console.log(
      `${existing ? `Mutant ${name} (its patch applied)` : 'The reference'} laid over the starter in ${relative(repoRoot, folder)}/.\n` +
        'Make the one mistake in its src/ (the tests run there too: npx vitest run --root <that folder> --config graders/testkit/vitest/variant-run.config.ts), then:\n' +
        `  npm run mutant -- save ${exercise.meta.id} ${name} --mistake "<the mistake, in a learner's words>" --caught-by "<test file>: <describe › it>"`,
    );
    return;
  }
  const { patchFile, text } = await saveMutant(exercise, name, {
    ...(values.mistake !== undefined ? { mistake: values.mistake } : {}),
    ...(values['caught-by'] !== undefined ? { caughtBy: values['caught-by'] } : {}),
  });
  console.log(`${text}\nWrote ${relative(repoRoot, patchFile)}. Check it: npm test -- ${exercise.meta.id}`);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CourseRuleError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
