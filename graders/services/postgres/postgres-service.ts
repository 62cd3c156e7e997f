import type { ProviderName } from '../provider-choice.ts';

/** A running PostgreSQL server shared by one test run. */
export interface PostgresService {
  provider: ProviderName;
  /** Superuser connection string; tests never use it directly, they ask for a fresh database. */
  adminUrl: string;
  /** Stops the server if this run started it; leaves an environment-given server alone. */
  stop(): Promise<void>;
}

/**
 * Settings the course needs from every provider: logical decoding for the change-data-capture
 * variant of the outbox kata. The speed settings trade durability for test speed; no
 * exercise asserts anything about a server crash, only about client and process crashes.
 */
export const serverSettings: Record<string, string> = {
  wal_level: 'logical',
  max_replication_slots: '20',
  max_wal_senders: '20',
  max_connections: '300',
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
};
