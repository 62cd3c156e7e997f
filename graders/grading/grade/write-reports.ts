import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { classroom50IdentityFromEnv, renderClassroom50Result } from '../report/classroom50-result.ts';
import { renderAutogradingStep, encodeAutogradingStep } from '../report/autograding-step.ts';
import { renderJUnitXml } from '../report/junit-xml.ts';
import { renderMarkdownSummary } from '../report/markdown-summary.ts';
import { progressLines } from '../progress/progress.ts';
import { readProgressInputs } from '../progress/read-progress.ts';
import { renderProgressMarkdown } from '../progress/render-progress.ts';
import type { GradeResults } from './grade-results.ts';

export interface ReportTargets {
  summary?: string | undefined;
  junit?: string | undefined;
  classroom50?: string | undefined;
  autogradingStep?: string | undefined;
}

/**
 * Writes every report asked for, each computed from the results alone. The job summary is
 * appended (GitHub collects several steps' summaries in one file); the others are replaced.
 * Returns whether the exercise named by --autograding-step passed (true when none is named).
 */
export async function writeReports(
  results: GradeResults,
  targets: ReportTargets,
  options: { learnerRoot: string; env: NodeJS.ProcessEnv; log: (line: string) => void },
): Promise<boolean> {
  const write = async (file: string, text: string, append = false) => {
    await mkdir(dirname(file), { recursive: true });
    await (append ? appendFile : writeFile)(file, text);
    options.log(`${append ? 'Appended' : 'Wrote'} ${file}`);
  };
  if (targets.summary) await write(targets.summary, renderMarkdownSummary(results) + (await progressSection(results, options.learnerRoot)), true);
  if (targets.junit) await write(targets.junit, renderJUnitXml(results));
  if (targets.classroom50) {
    const identity = classroom50IdentityFromEnv(options.env, commitDate(options.learnerRoot));
    await write(targets.classroom50, `${JSON.stringify(renderClassroom50Result(results, identity), null, 2)}\n`);
  }
  if (!targets.autogradingStep) return true;
  const step = renderAutogradingStep(results, targets.autogradingStep);
  options.log(`Autograding step result:\n${JSON.stringify(step)}`);
  if (options.env.GITHUB_OUTPUT) await appendFile(options.env.GITHUB_OUTPUT, `result=${encodeAutogradingStep(step)}\n`);
  return step.status === 'pass';
}

/**
 * The progress view under a learner's grade (the same lines as `npm run progress`), from
 * these results and the checkout's logs; reference runs have no progress to show.
 */
async function progressSection(results: GradeResults, learnerRoot: string): Promise<string> {
  if (results.target !== 'learner') return '';
  const { inputs } = await readProgressInputs(learnerRoot, undefined, { results });
  return renderProgressMarkdown(progressLines(inputs));
}

/** The graded commit's committer date (Classroom 50's submission instant), or now outside git. */
function commitDate(root: string): Date {
  try {
    const seconds = execFileSync('git', ['-C', root, 'log', '-1', '--format=%ct'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return new Date(Number(seconds.trim()) * 1000);
  } catch {
    return new Date();
  }
}
