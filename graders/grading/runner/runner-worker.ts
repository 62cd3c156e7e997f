import { startVitest } from 'vitest/node';
import type { RunnerReply, RunnerRequest } from './runner-protocol.ts';

/**
 * A long-lived process that imports Vitest once and then runs the self-check's copies one
 * after another, each in a fresh Vitest instance rooted at the copy with the copy's config
 * (variant-run.config.ts) and environment, closed after its run. It answers with the exit
 * code the same run would have had in a process of its own; the report is the JSON
 * reporter's file, as there. Only for the course's own copies: learner code never shares
 * a process (see run-vitest.ts). Talks to runner-pool.ts over Node's IPC channel.
 */
const send = (reply: RunnerReply) => process.send!(reply);

async function runOne(request: RunnerRequest): Promise<number> {
  // The copy's environment replaces the runner's for the run: variant-run.config.ts reads
  // the sandbox root from it at load time, and the test workers inherit it.
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, request.env);
  process.chdir(request.root);
  process.exitCode = 0;
  const vitest = await startVitest('test', request.files ?? [], {
    config: request.config,
    root: request.root,
    run: true,
    watch: false,
    color: false,
    reporters: [['json', { outputFile: request.reportFile }]],
    ...(request.bail ? { bail: 1 } : {}),
    ...(request.testNamePattern ? { testNamePattern: request.testNamePattern } : {}),
  });
  await vitest.close();
  // startVitest says failure the way the CLI does, through the exit code it would end with.
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return code;
}

let busy = Promise.resolve();
process.on('message', (request: RunnerRequest) => {
  // One run at a time: the parent never sends a second before the first's reply, but a
  // queue keeps two runs from sharing process.env if it ever did.
  busy = busy.then(async () => {
    try {
      send({ id: request.id, code: await runOne(request) });
    } catch (error) {
      send({ id: request.id, error: String((error as Error).stack ?? error) });
    }
  });
});
send({ id: -1, code: 0 });
