import { sessionRetention } from '../session-retention.ts';
import { startEmbeddedBroker } from '../start-embedded-broker.ts';

/**
 * The embedded broker alone in a child process, for the benchmark: with the client in
 * another process, the CPU time each spends can be told apart. Speaks to its parent over
 * IPC: sends `{ port }` when listening, answers `'stats'` with its CPU time, handler time
 * and memory, and stops on `'stop'`. Started with the argument `session`, it runs with the
 * retention and memory cap `npm run services` uses.
 */
const broker = await startEmbeddedBroker(process.argv[2] === 'session' ? sessionRetention : {});
broker.events.on('internal-error', (error) => console.error('[course broker] internal error:', error));
const cpuAtStart = process.cpuUsage();
process.send!({ port: broker.port });
process.on('message', async (message) => {
  if (message === 'stats') {
    const cpu = process.cpuUsage(cpuAtStart);
    process.send!({
      cpuMs: (cpu.user + cpu.system) / 1_000,
      busyMs: broker.state.stats.busyMs,
      requests: broker.state.stats.requests,
      rssMiB: process.memoryUsage().rss / 2 ** 20,
      logMiB: broker.state.logMemoryBytes / 2 ** 20,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    });
  } else if (message === 'stop') {
    await broker.stop();
    process.exit(0);
  }
});
