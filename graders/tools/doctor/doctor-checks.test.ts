import { describe, expect, it } from 'vitest';
import { chooseProvider, containerEngineAnswers } from '../../services/provider-choice.ts';
import { type Probes, providerFor, runDoctor } from './doctor-checks.ts';

const GiB = 1024 ** 3;
const probes = (over: Partial<Probes> = {}): Probes => ({
  nodeVersion: '24.21.0',
  env: {},
  containerEngine: async () => false,
  portFree: async () => true,
  memory: { totalBytes: 8 * GiB, freeBytes: 6 * GiB },
  cores: 2,
  ...over,
});
const titles = async (over: Partial<Probes>) => (await runDoctor(probes(over))).map((f) => `${f.level} ${f.title}`);

describe('runDoctor', () => {
  it('finds a plain laptop without Docker ready, on the embedded services', async () => {
    const findings = await runDoctor(probes());
    expect(findings.filter((f) => f.level !== 'ok')).toEqual([]);
    expect(findings.map((f) => f.title)).toContain('PostgreSQL will come from: embedded');
    expect(findings.map((f) => f.title)).toContain('Kafka will come from: embedded');
  });

  it('says the services come from containers when an engine answers', async () => {
    expect(await titles({ containerEngine: async () => true })).toContain('ok PostgreSQL will come from: containers');
  });

  it('chooses the provider the services themselves choose on this machine', async () => {
    const engine = await containerEngineAnswers();
    for (const env of [{}, { COURSE_SERVICES: 'embedded' }, { COURSE_PG_URL: 'postgres://x' }]) {
      const setting = (env as { COURSE_SERVICES?: 'embedded' }).COURSE_SERVICES ?? 'auto';
      expect(providerFor(setting, 'COURSE_PG_URL' in env, engine)).toBe(await chooseProvider('PostgreSQL', 'COURSE_PG_URL', env));
    }
  });

  it('names the address variable when the environment gives one', async () => {
    expect(await titles({ env: { COURSE_PG_URL: 'postgres://x' } })).toContain('ok PostgreSQL will come from: environment (COURSE_PG_URL)');
  });

  it('fails a forced container provider without an engine, saying what to do', async () => {
    const findings = await runDoctor(probes({ env: { COURSE_SERVICES: 'containers' } }));
    expect(findings.find((f) => f.title === 'PostgreSQL: no provider')?.detail).toMatch(/Start Docker.* or unset COURSE_SERVICES/);
  });

  it('fails Node older than 22.12 and warns below 24', async () => {
    expect(await titles({ nodeVersion: '20.11.0' })).toContain('fail Node 20.11.0 is too old');
    expect(await titles({ nodeVersion: '22.12.0' })).toContain('warn Node 22.12.0');
  });

  it('warns when the UI port is taken or memory is short', async () => {
    const found = await titles({ portFree: async () => false, memory: { totalBytes: 4 * GiB, freeBytes: 0.5 * GiB } });
    expect(found).toContain('warn port 51204 is taken');
    expect(found).toContain('warn memory: 0.5 GiB free of 4.0 GiB, 2 core(s)');
  });

  it('tells how to change the provider', async () => {
    const setting = (await runDoctor(probes())).find((f) => f.title.startsWith('provider setting'));
    expect(setting?.detail).toMatch(/COURSE_SERVICES=embedded .*COURSE_SERVICES=containers .*COURSE_PG_URL \/ COURSE_KAFKA_BROKERS/);
  });
});
