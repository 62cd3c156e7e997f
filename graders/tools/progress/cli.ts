import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { progressLines } from '../../grading/progress/progress.ts';
import { readProgressInputs } from '../../grading/progress/read-progress.ts';
import { renderProgressHtml, renderProgressMarkdown, renderProgressText } from '../../grading/progress/render-progress.ts';
import { repoRoot } from '../../grading/runner/repo-paths.ts';

const usage = `Usage: npm run progress [-- --root DIR] [--markdown FILE] [--html FILE]
  Shows, for this checkout, each line of the module's completion standard and outputs with
  done / not yet / what to do next, from results/grade.json (run npm run grade first), the
  practice log, mistake-log.json and quiz-log.json.
  --root DIR       another checkout (default this one)
  --markdown FILE  also write the view as Markdown
  --html FILE      also write the view as an HTML section`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, options: { root: { type: 'string' }, markdown: { type: 'string' }, html: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) return void console.log(usage), 0;
  const here = process.env.INIT_CWD ?? process.cwd();
  const root = values.root ? resolve(here, values.root) : repoRoot;
  const { inputs, problems } = await readProgressInputs(root);
  const lines = progressLines(inputs);
  process.stdout.write(renderProgressText(lines));
  for (const problem of problems) console.error(`\nNote: ${problem}`);
  if (values.markdown) await writeFile(resolve(here, values.markdown), renderProgressMarkdown(lines));
  if (values.html) await writeFile(resolve(here, values.html), renderProgressHtml(lines));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  },
);
