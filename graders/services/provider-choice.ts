import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Where a service came from; printed by `doctor` and recorded in every grade report. */
export type ProviderName = 'environment' | 'containers' | 'embedded';

const forcedValues = ['auto', 'environment', 'containers', 'embedded'] as const;
export type ProviderSetting = (typeof forcedValues)[number];

/**
 * `COURSE_SERVICES` forces one provider for every service: `embedded` for the fastest inner
 * loop, `containers` to check against the real servers, `environment` to insist on the
 * addresses given in `COURSE_PG_URL` / `COURSE_KAFKA_BROKERS`. Unset or `auto`: take them in
 * the order environment, containers, embedded.
 */
export function providerSetting(env: NodeJS.ProcessEnv = process.env): ProviderSetting {
  const value = (env.COURSE_SERVICES ?? 'auto').trim() || 'auto';
  if ((forcedValues as readonly string[]).includes(value)) return value as ProviderSetting;
  throw new Error(
    `COURSE_SERVICES=${value} is not a provider. Use one of: ${forcedValues.join(', ')} ` +
      '(or unset it to let the course choose).',
  );
}

let engineAnswer: Promise<boolean> | undefined;

/**
 * Asks the Docker CLI whether an engine answers, once per process. Testcontainers would find
 * out too, but only after a long connection timeout; `docker info` says no at once.
 */
export function containerEngineAnswers(): Promise<boolean> {
  engineAnswer ??= promisify(execFile)('docker', ['info', '--format', '{{.ServerVersion}}'], {
    timeout: 5_000,
  }).then(
    ({ stdout }) => stdout.trim().length > 0,
    () => false,
  );
  return engineAnswer;
}

/** Picks the provider for one service given whether its environment address is set. */
export async function chooseProvider(
  service: string,
  addressVariable: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProviderName> {
  const setting = providerSetting(env);
  const hasAddress = Boolean(env[addressVariable]?.trim());
  if (setting === 'environment' && !hasAddress) {
    throw new Error(
      `COURSE_SERVICES=environment but ${addressVariable} is empty: set it to the ${service} ` +
        'address to use, or unset COURSE_SERVICES.',
    );
  }
  if (setting === 'environment' || (setting === 'auto' && hasAddress)) return 'environment';
  if (setting === 'embedded') return 'embedded';
  if (setting === 'containers') {
    if (await containerEngineAnswers()) return 'containers';
    throw new Error(
      'COURSE_SERVICES=containers but no container engine answers `docker info`. Start Docker ' +
        '(in a Codespace it is already running) or unset COURSE_SERVICES to use the embedded services.',
    );
  }
  return (await containerEngineAnswers()) ? 'containers' : 'embedded';
}
