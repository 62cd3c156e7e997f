import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../../../testkit/harness/fresh-database.ts';
import { createEmptyDatabase, replenishSpares, withAdmin } from '../../../testkit/harness/spare-databases.ts';
import { startEmbeddedPostgres } from '../../../services/postgres/embedded-postgres.ts';
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
      // As in a test run, where a test file takes longer than making the next spare: the
      // spares are topped up (untimed) before each fresh database is asked for.
      const fromSpares: number[] = [];
      for (let i = 0; i < Math.max(repetitions, 20); i++) {
        await replenishSpares(address.adminUrl);
        fromSpares.push(...(await timeRepeatedly(1, async () => {
          const database = await createDatabase(address, 'bench');
          await database.pool.query('SELECT 1');
          await database[Symbol.asyncDispose]();
        })));
      }
      const copies = await timeRepeatedly(Math.max(repetitions, 20), async () => {
        const name = `bench_copy_${Math.random().toString(36).slice(2, 10)}`;
        await withAdmin(address.adminUrl, async (admin) => {
          await createEmptyDatabase(admin, name);
          await admin.query(`DROP DATABASE ${name}`);
        });
      });
      return [
        { metric: 'start-up, first run (initdb)', unit: 'ms', samples: cold, target: { comparison: '<', value: 1500 } },
        { metric: 'start-up, later runs (cached cluster)', unit: 'ms', samples: warm, target: { comparison: '<', value: 1500 } },
        { metric: 'fresh database, from a spare, first query', unit: 'ms', samples: fromSpares, target: { comparison: '<', value: 150 } },
        { metric: 'CREATE DATABASE with no spare (and drop)', unit: 'ms', samples: copies },
      ];
    } finally {
      await server.stop();
    }
  },
};
export default suite;
