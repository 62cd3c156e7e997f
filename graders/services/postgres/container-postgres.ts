import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { images } from '../images.ts';
import { type PostgresService, serverSettings } from './postgres-service.ts';

/** PostgreSQL in a container, for Codespaces and CI runners with a container engine. */
export async function startContainerPostgres(): Promise<PostgresService> {
  const container = await new PostgreSqlContainer(images.postgres)
    .withCommand([
      'postgres',
      ...Object.entries(serverSettings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ])
    .start();
  return {
    provider: 'containers',
    adminUrl: container.getConnectionUri(),
    stop: async () => void (await container.stop()),
  };
}
