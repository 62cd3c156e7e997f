import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../../harness/fresh-database.ts';
import { startEmbeddedPostgres } from '../../services/postgres/embedded-postgres.ts';
import { type BenchSuite, timeRepeatedly } from '../bench-suite.ts';

/**
 * Embedded PostgreSQL start-up, cold (initdb, as on a checkout's first run) and warm (a copy
 * of the cluster cached by the first run), and the cost of a fresh database.
 */
const suite: BenchSuite = {
  name: 'PostgreSQL provider (embedded)',
  async run({ repetitions }) {
    const timeStart = async (cache?: string) => {
      const started = performance.now();
      const server = await startEmbeddedPostgres(cache);
      const elapsed = performance.now() - started;
      await server.stop();
      return elapsed;
    };
    const cold: number[] = [];
    for (let i = 0; i < repetitions; i++) {
      const scratch = await mkdtemp(join(tmpdir(), 'bench-cluster-cache-'));
      await chmod(scratch, 0o755);
      cold.push(await timeStart(join(scratch, 'cluster')));
      await rm(scratch, { recursive: true, force: true });
    }
    await timeStart();
    const warm: number[] = [];
    for (let i = 0; i < repetitions; i++) warm.push(await timeStart());
    const server = await startEmbeddedPostgres();
    try {
      const address = { provider: server.provider, adminUrl: server.adminUrl };
      const freshDatabases = await timeRepeatedly(Math.max(repetitions, 20), async () => {
        const database = await createDatabase(address, 'bench');
        await database.pool.query('SELECT 1');
        await database[Symbol.asyncDispose]();
      });
      return [
        { metric: 'start-up, first run (initdb)', unit: 'ms', samples: cold, target: { comparison: '<', value: 1500 } },
        { metric: 'start-up, later runs (cached cluster)', unit: 'ms', samples: warm, target: { comparison: '<', value: 1500 } },
        { metric: 'fresh database, created and first query', unit: 'ms', samples: freshDatabases, target: { comparison: '<', value: 150 } },
      ];
    } finally {
      await server.stop();
    }
  },
};
export default suite;
