import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startEmbeddedPostgres } from '../../../services/postgres/embedded-postgres.ts';
import { createDatabase } from '../../../testkit/harness/fresh-database.ts';
import { loadExercise } from '../../../grading/runner/exercise-catalog.ts';
import { scratchDir } from '../../../grading/runner/repo-paths.ts';
import { copyExercise } from '../../../grading/runner/variant-copy.ts';
import type { BenchFigure, BenchSuite } from '../bench-suite.ts';

// The starter declares the same function the reference implements.
type EventStoreModule = typeof import('../../../../exercises/labs/03-event-sourcing/src/event-store.ts');

const events = 2_000;
const streams = 100;
/** Writers appending at once to the 100 streams (each stream has one writer at a time, so no append conflicts). */
const writers = 8;

/**
 * Lab 3's reference event store on embedded PostgreSQL: appends of one event each, each its
 * own transaction with the expected-version check and the unique key, into one stream (one
 * writer: a second would only lose races) and spread over 100 streams by 8 writers at once.
 */
const suite: BenchSuite = {
  name: 'Event store appends (Lab 3 reference, one event per append, embedded PostgreSQL)',
  async run({ repetitions }) {
    const exercise = loadExercise('labs/03-event-sourcing');
    const copy = await copyExercise(exercise, { kind: 'reference' }, join(scratchDir, 'bench', 'event-store-reference'));
    const { createEventStore } = (await import(pathToFileURL(join(copy, 'src', 'event-store.ts')).href)) as EventStoreModule;
    const schema = await readFile(join(copy, 'src', 'schema.sql'), 'utf8');
    const postgres = await startEmbeddedPostgres();
    const deposit = { type: 'MoneyDeposited', schemaVersion: 2, data: { amountMinor: 100 } };
    const single: number[] = [];
    const spread: number[] = [];
    try {
      for (let run = 0; run < repetitions; run++) {
        await using db = await createDatabase({ provider: postgres.provider, adminUrl: postgres.adminUrl }, 'bench_event_store');
        await db.pool.query(schema);
        const store = createEventStore(db.pool);

        let started = performance.now();
        for (let version = 0; version < events; version++) await store.append(`single-${run}`, version, [deposit]);
        single.push((events / (performance.now() - started)) * 1000);

        // Writer w owns streams w, w + 8, ...: appends to one stream stay in order.
        started = performance.now();
        await Promise.all(
          Array.from({ length: writers }, async (_, writer) => {
            const mine = Array.from({ length: streams }, (_, s) => s).filter((s) => s % writers === writer);
            for (let round = 0; round < events / streams; round++) {
              for (const stream of mine) await store.append(`spread-${run}-${stream}`, round, [deposit]);
            }
          }),
        );
        spread.push((events / (performance.now() - started)) * 1000);
      }
    } finally {
      await postgres.stop();
    }
    const figures: BenchFigure[] = [
      { metric: `append throughput, 1 stream, 1 writer (${events} events)`, unit: 'events/s', samples: single },
      { metric: `append throughput, ${streams} streams, ${writers} writers (${events} events)`, unit: 'events/s', samples: spread },
    ];
    return figures;
  },
};
export default suite;
