import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../grading/runner/repo-paths.ts';

export interface ToolRun {
  code: number | null;
  output: string;
}

/** Runs a package's command-line entry with this Node, from the repository root. */
export function runTool(
  entry: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; echo?: boolean } = {},
): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, entry), ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.echo) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

export const tools = {
  tsc: 'node_modules/typescript/bin/tsc',
  markdownlint: 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs',
  vitest: 'node_modules/vitest/vitest.mjs',
} as const;
