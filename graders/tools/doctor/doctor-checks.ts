import { createServer } from 'node:net';
import { freemem, totalmem, availableParallelism } from 'node:os';
import { kafkaAddressVariable } from '../../services/kafka/start-kafka.ts';
import { postgresAddressVariable } from '../../services/postgres/start-postgres.ts';
import { type ProviderName, type ProviderSetting, containerEngineAnswers, providerSetting } from '../../services/provider-choice.ts';

export interface Finding {
  level: 'ok' | 'warn' | 'fail';
  title: string;
  detail?: string;
}

/** What the doctor asks the machine; tests pass their own answers. */
export interface Probes {
  nodeVersion: string;
  env: NodeJS.ProcessEnv;
  containerEngine: () => Promise<boolean>;
  portFree: (port: number) => Promise<boolean>;
  memory: { totalBytes: number; freeBytes: number };
  cores: number;
}

export const uiPort = 51204;
const GiB = 1024 ** 3;

export function machineProbes(env: NodeJS.ProcessEnv = process.env): Probes {
  return {
    nodeVersion: process.versions.node,
    env,
    containerEngine: containerEngineAnswers,
    portFree,
    memory: { totalBytes: totalmem(), freeBytes: freemem() },
    cores: availableParallelism(),
  };
}

/** `npm run doctor`: can this machine run the course, and which services will it use? */
export async function runDoctor(probes: Probes): Promise<Finding[]> {
  const findings: Finding[] = [];
  const [major, minor] = probes.nodeVersion.split('.').map(Number) as [number, number];
  findings.push(
    major > 22 || (major === 22 && minor >= 12)
      ? { level: major >= 24 ? 'ok' : 'warn', title: `Node ${probes.nodeVersion}`, ...(major < 24 ? { detail: 'works; the course is built and checked on Node 24 (nvm install 24).' } : {}) }
      : { level: 'fail', title: `Node ${probes.nodeVersion} is too old`, detail: 'install Node 24 (nvm install 24, or https://nodejs.org) and run npm install again.' },
  );
  const engine = await probes.containerEngine();
  findings.push(
    engine
      ? { level: 'ok', title: 'container engine answers (docker info)' }
      : { level: 'ok', title: 'no container engine', detail: 'fine: the embedded PostgreSQL and Kafka-protocol broker are used instead.' },
  );
  findings.push(
    (await probes.portFree(uiPort))
      ? { level: 'ok', title: `port ${uiPort} is free for npm run ui` }
      : { level: 'warn', title: `port ${uiPort} is taken`, detail: `npm run ui cannot listen; stop what holds it, or run npx vitest --project 'exercises-*' --ui --api.port=<another port>.` },
  );
  const free = probes.memory.freeBytes / GiB;
  findings.push({
    level: free < 1 ? 'warn' : 'ok',
    title: `memory: ${free.toFixed(1)} GiB free of ${(probes.memory.totalBytes / GiB).toFixed(1)} GiB, ${probes.cores} core(s)`,
    ...(free < 1 ? { detail: 'grading needs about 1 GiB; close other programs, or grade one exercise at a time.' } : {}),
  });
  findings.push(...(await providerFindings(probes.env, engine)));
  return findings;
}

async function providerFindings(env: NodeJS.ProcessEnv, engine: boolean): Promise<Finding[]> {
  let setting: ProviderSetting;
  try {
    setting = providerSetting(env);
  } catch (error) {
    return [{ level: 'fail', title: 'COURSE_SERVICES is not valid', detail: (error as Error).message }];
  }
  const services = [['PostgreSQL', postgresAddressVariable], ['Kafka', kafkaAddressVariable]] as const;
  const findings: Finding[] = services.map(([service, variable]): Finding => {
    const provider = providerFor(setting, Boolean(env[variable]?.trim()), engine);
    if (provider === 'environment' && !env[variable]?.trim()) {
      return { level: 'fail', title: `${service}: no provider`, detail: `COURSE_SERVICES=environment but ${variable} is empty: set it, or unset COURSE_SERVICES.` };
    }
    if (provider === 'containers' && !engine) {
      return { level: 'fail', title: `${service}: no provider`, detail: 'COURSE_SERVICES=containers but no container engine answers: Start Docker, or unset COURSE_SERVICES to use the embedded services.' };
    }
    return { level: 'ok', title: `${service} will come from: ${provider}${provider === 'environment' ? ` (${variable})` : ''}` };
  });
  findings.push({
    level: 'ok',
    title: `provider setting: COURSE_SERVICES=${setting}`,
    detail:
      'to change it: COURSE_SERVICES=embedded (fastest start), COURSE_SERVICES=containers (the real servers), ' +
      `or set ${postgresAddressVariable} / ${kafkaAddressVariable} to use servers you run yourself.`,
  });
  return findings;
}

/**
 * The order graders/services/provider-choice.ts applies when services start, given the
 * engine answer the doctor already has (a test checks the two agree on this machine).
 */
export function providerFor(setting: ProviderSetting, hasAddress: boolean, engine: boolean): ProviderName {
  if (setting === 'environment' || (setting === 'auto' && hasAddress)) return 'environment';
  if (setting === 'embedded') return 'embedded';
  if (setting === 'containers') return 'containers';
  return engine ? 'containers' : 'embedded';
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}
