import { spawn } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';

export interface GroupRun {
  exit: { code: number | null; signal: NodeJS.Signals | null };
  timedOut: boolean;
  /** The last 20,000 characters of stdout and stderr together. */
  output: string;
  durationMs: number;
}

/**
 * Runs Node with `args` in a process group of its own, so that code that hangs, loops or
 * exits takes down only this run: the group is killed at the deadline, and again at the end
 * so nothing it started outlives it.
 */
export interface GroupOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Node to run (the grader's own by default) and the user to run it as (the grader's by default). */
  node?: string;
  uid?: number;
  gid?: number;
}

export async function runInGroup(args: string[], options: GroupOptions): Promise<GroupRun> {
  const started = performance.now();
  const child = spawn(options.node ?? process.execPath, args, {
    cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid !== undefined && { uid: options.uid, gid: options.gid }),
  });
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // Listened for from the start: 'close' can come before the awaited 'exit' resumes this
  // function, and a listener added after it would wait out the whole grace period below.
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid);
  }, options.timeoutMs);
  // 'exit', not 'close': a process that escaped the group could hold the output pipes open forever.
  const exit = await new Promise<GroupRun['exit']>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  clearTimeout(timer);
  // Whatever the run left behind (a server a test started, a stray worker) goes with it.
  killGroup(child.pid);
  // The last output still in the pipes is read, for a second at most.
  const grace = new AbortController();
  await Promise.race([closed, delay(1_000, undefined, { signal: grace.signal }).catch(() => undefined)]);
  grace.abort();
  child.stdout.destroy();
  child.stderr.destroy();
  return { exit, timedOut, output, durationMs: performance.now() - started };
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}
