import pg from 'pg';
import { afterAll } from 'vitest';

/**
 * Set-up file of the self-check's shared worker (see batch-worker.ts), whose test files come
 * from many copies and run one after another in one process. A file whose test failed half-way
 * can leave a PostgreSQL connection open, even inside a transaction (a relay paused in a staged
 * race that the failed assertion never released). In a process of its own that connection
 * ends with the process; here it would outlive the file, and its open transaction blocks what
 * later files do (creating a logical replication slot waits for every running transaction).
 * So every client the worker connects is tracked, and when a file is over, after its own hooks
 * (a set-up file's afterAll runs last), the clients still open are ended the way the end of
 * the process would: the server rolls their transactions back. `end()` closes cleanly, where
 * terminating the connection from the server would raise an error in code that has no
 * listener for it. pg is loaded once per worker (packages are not reset), so the tracking is
 * installed once and sees every pool and client of every file.
 */
const openClients = Symbol.for('course.shared-worker.open-pg-clients');
type Tracked = typeof pg.Client.prototype & { [openClients]?: true };
const registry = globalThis as typeof globalThis & { [openClients]?: Set<pg.Client> };

if (!registry[openClients]) {
  const open = new Set<pg.Client>();
  registry[openClients] = open;
  const connect = pg.Client.prototype.connect as (this: pg.Client, ...args: unknown[]) => unknown;
  (pg.Client.prototype as Tracked).connect = function (this: pg.Client, ...args: unknown[]) {
    open.add(this);
    this.once('end', () => open.delete(this));
    return connect.apply(this, args);
  } as typeof pg.Client.prototype.connect;
}

afterAll(async () => {
  const open = registry[openClients]!;
  const leftover = [...open];
  open.clear();
  await Promise.all(leftover.map((client) => client.end().catch(() => undefined)));
});
