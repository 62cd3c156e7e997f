import { createDatabase } from '../../harness/fresh-database.ts';
import { startEmbeddedPostgres } from '../../services/postgres/embedded-postgres.ts';
import { type BenchSuite, timeRepeatedly } from '../bench-suite.ts';

/** Embedded PostgreSQL start-up (initdb included: every run starts from nothing) and the cost of a fresh database. */
const suite: BenchSuite = {
  name: 'PostgreSQL provider (embedded)',
  async run({ repetitions }) {
    const startups: number[] = [];
    for (let i = 0; i < repetitions; i++) {
      const started = performance.now();
      const server = await startEmbeddedPostgres();
      startups.push(performance.now() - started);
      await server.stop();
    }
    const server = await startEmbeddedPostgres();
    try {
      const address = { provider: server.provider, adminUrl: server.adminUrl };
      const freshDatabases = await timeRepeatedly(Math.max(repetitions, 20), async () => {
        const database = await createDatabase(address, 'bench');
        await database.pool.query('SELECT 1');
        await database[Symbol.asyncDispose]();
      });
      return [
        { metric: 'start-up, initdb to accepting connections', unit: 'ms', samples: startups, target: { comparison: '<', value: 1500 } },
        { metric: 'fresh database, created and first query', unit: 'ms', samples: freshDatabases, target: { comparison: '<', value: 150 } },
      ];
    } finally {
      await server.stop();
    }
  },
};
export default suite;
