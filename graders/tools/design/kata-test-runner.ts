import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot } from '../../grading/runner/repo-paths.ts';
import { readReport } from '../../grading/runner/run-vitest.ts';
import type { VitestJsonReport } from '../../grading/runner/vitest-report.ts';
import type { KataTestRunner } from './compare.ts';

/** The kata's own tests, in the learners' Vitest projects (`exercises-*`), as `npm run watch` would run them, with each test's result. */
export const runKataTests: KataTestRunner = (folder) => {
  const reportDir = mkdtempSync(join(tmpdir(), 'design-compare-'));
  const reportFile = join(reportDir, 'report.json');
  try {
    const run = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'exercises-*', relative(repoRoot, folder), '--reporter=json', `--outputFile=${reportFile}`], { cwd: repoRoot, encoding: 'utf8' });
    let report: VitestJsonReport | undefined;
    try {
      report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestJsonReport;
    } catch {
      report = undefined; // no report: the run crashed before the tests; the gate stays shut on the exit code
    }
    const { tests, brokenFiles } = report ? readReport(report, folder, 0) : { tests: [], brokenFiles: [] };
    const count = (status: string) => tests.filter((t) => t.status === status).length;
    const summary = report ? `Tests  ${count('failed')} failed | ${count('passed')} passed${count('skipped') ? ` | ${count('skipped')} skipped` : ''} (${tests.length})` : `vitest exited with ${run.status} before any test ran: ${firstErrorLine(run.stderr)}`;
    // The exit code alone is not the verdict: a dependency's exit hook (async-exit-hook) can turn
    // Vitest's 1 into 0, so the report's failures count whatever the code says.
    const ok = run.status === 0 && report !== undefined && report.success && brokenFiles.length === 0 && count('failed') === 0;
    return { ok, summary, tests };
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
};


/** Vitest's own complaint (an unknown project, a config that does not load), to show instead of a bare exit code. */
function firstErrorLine(stderr: string | null): string {
  // Colour codes and Vitest's banner lines (rules of ⎯) say nothing; the error line does.
  const lines = (stderr ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim()).filter((l) => l.length > 0 && !l.includes('⎯'));
  return lines.find((l) => /^\w*Error\b/.test(l)) ?? lines[0] ?? 'it printed nothing';
}
