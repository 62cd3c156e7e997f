import { chooseProvider } from '../provider-choice.ts';
import type { PostgresService } from './postgres-service.ts';

export const postgresAddressVariable = 'COURSE_PG_URL';

/**
 * One PostgreSQL for the whole test run, from the first provider that can give one:
 * the `COURSE_PG_URL` address, Testcontainers, or embedded binaries. The container and
 * embedded modules load only when chosen, so a plain laptop never loads Testcontainers.
 */
export async function startPostgres(env: NodeJS.ProcessEnv = process.env): Promise<PostgresService> {
  const provider = await chooseProvider('PostgreSQL', postgresAddressVariable, env);
  if (provider === 'environment') {
    return { provider, adminUrl: env[postgresAddressVariable]!.trim(), stop: async () => {} };
  }
  if (provider === 'containers') {
    const { startContainerPostgres } = await import('./container-postgres.ts');
    return startContainerPostgres();
  }
  const { startEmbeddedPostgres } = await import('./embedded-postgres.ts');
  return startEmbeddedPostgres();
}
