import type { KafkaService } from './kafka/kafka-service.ts';
import { startKafka } from './kafka/start-kafka.ts';
import type { PostgresService } from './postgres/postgres-service.ts';
import { startPostgres } from './postgres/start-postgres.ts';
import type { ProviderName } from './provider-choice.ts';

export const serviceNames = ['postgres', 'kafka'] as const;
export type ServiceName = (typeof serviceNames)[number];

/** What a test worker learns about the run's services: addresses and where they came from. */
export interface ServiceAddresses {
  postgres?: { provider: ProviderName; adminUrl: string };
  kafka?: { provider: ProviderName; brokers: string[] };
}

export interface RunningServices extends AsyncDisposable {
  addresses: ServiceAddresses;
  stop(): Promise<void>;
}

/** Starts the services named, each once, concurrently; stops them all together. */
export async function startServices(
  needed: readonly ServiceName[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningServices> {
  const [postgres, kafka] = await Promise.allSettled([
    needed.includes('postgres') ? startPostgres(env) : undefined,
    needed.includes('kafka') ? startKafka(env) : undefined,
  ]);
  const started = [postgres, kafka].flatMap((outcome) =>
    outcome.status === 'fulfilled' && outcome.value ? [outcome.value] : [],
  );
  const stop = async () => void (await Promise.allSettled(started.map((service) => service.stop())));
  const failure = [postgres, kafka].find((outcome) => outcome.status === 'rejected');
  if (failure) {
    await stop();
    throw failure.reason;
  }
  const pg = (postgres as PromiseFulfilledResult<PostgresService | undefined>).value;
  const broker = (kafka as PromiseFulfilledResult<KafkaService | undefined>).value;
  const addresses: ServiceAddresses = {
    ...(pg && { postgres: { provider: pg.provider, adminUrl: pg.adminUrl } }),
    ...(broker && { kafka: { provider: broker.provider, brokers: broker.brokers } }),
  };
  return { addresses, stop, [Symbol.asyncDispose]: stop };
}

/**
 * `COURSE_NEEDS` lists the services a run needs (`postgres,kafka`); the grader sets it from
 * the exercises' metadata. Unset, as when a learner runs Vitest by hand, it means all.
 */
export function servicesNeeded(env: NodeJS.ProcessEnv = process.env): ServiceName[] {
  const value = env.COURSE_NEEDS;
  if (value === undefined) return [...serviceNames];
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(serviceNames as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`COURSE_NEEDS names unknown services (${unknown.join(', ')}); known: ${serviceNames.join(', ')}.`);
  }
  return names as ServiceName[];
}
