import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Runs a client outside Node (kcat, a Python script) and returns its stdout. Asynchronous on
 * purpose: a test that starts its own embedded broker runs it in this process, and a
 * synchronous child would stop the broker from answering.
 */
export async function runClient(command: string, args: string[], input?: string, timeoutMs = 60_000): Promise<string> {
  const run = promisify(execFile);
  try {
    if (input === undefined) return (await run(command, args, { timeout: timeoutMs, maxBuffer: 16 << 20 })).stdout;
    const child = run(command, args, { timeout: timeoutMs, maxBuffer: 16 << 20 });
    child.child.stdin!.end(input);
    return (await child).stdout;
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${(error as Error).message}\n${stderr?.slice(-3000) ?? ''}`);
  }
}
