import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const cli = new URL('./cli.ts', import.meta.url).pathname;
const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const events = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: fixtures, env: { ...process.env, INIT_CWD: fixtures }, encoding: 'utf8', timeout: 60_000 });

describe('npm run events -- check', () => {
  it('prints one line per finding (file, event, rule, fix) and exits 1', () => {
    const run = events('check', 'catalogue');
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      'catalogue/order-placed.event.json: OrderPlaced: envelope/id: id 3b241101-e2bb-4255-8caf-4136c566a962 is neither a UUIDv7 nor a ULID. Fix: use a UUIDv7 or a ULID: ids that sort by time keep indexes and logs in order.',
      expect.stringMatching(/^catalogue\/send-welcome-email\.schema\.json: SendWelcomeEmail: name\/past-tense: .*Fix: consider WelcomeEmailSent/),
      expect.stringMatching(/^catalogue\/send-welcome-email\.schema\.json: SendWelcomeEmail: envelope\/fields: /),
      expect.stringMatching(/^catalogue\/send-welcome-email\.schema\.json: SendWelcomeEmail: payload\/stable-id: /),
      expect.stringMatching(/^catalogue\/send-welcome-email\.schema\.json: SendWelcomeEmail: privacy\/personal-data: data\.email /),
      expect.stringMatching(/^catalogue\/send-welcome-email\.schema\.json: SendWelcomeEmail: privacy\/secret: data\.passwordHash /),
    ]);
    expect(run.stderr).toMatch(/6 finding\(s\) in 3 event file\(s\)/);
  });

  it('exits 0 on a clean event schema', () => {
    const run = events('check', 'catalogue/order-placed.schema.json');
    expect([run.status, run.stdout]).toEqual([0, '']);
  });

  it('exits 2 with a clear message, never a stack trace, on input it cannot read', () => {
    for (const [args, message] of [
      [['check', 'missing-folder'], /missing-folder cannot be read \(ENOENT\)/],
      [['check', 'not-json.schema.json'], /not-json\.schema\.json is not valid JSON .*fix the syntax/],
      [['check', 'not-a-schema.schema.json'], /not-a-schema\.schema\.json is not a valid JSON Schema 2020-12/],
      [['compat', 'order-placed.v1.schema.json'], /compat takes two schema files/],
      [['compat', 'order-placed.v1.schema.json', 'not-json.schema.json'], /not-json\.schema\.json is not valid JSON/],
      [['frob'], /Unknown command "frob"/],
    ] as const) {
      const run = events(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('npm run events -- compat', () => {
  it('exits 0 and says so for a compatible change', () => {
    const run = events('compat', 'order-placed.v1.schema.json', 'order-placed.v2-compatible.schema.json');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/is backward compatible with order-placed\.v1\.schema\.json/);
  });

  it('exits 1 with one line per breaking change', () => {
    const run = events('compat', 'order-placed.v1.schema.json', 'order-placed.v2-breaking.schema.json');
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n')).toHaveLength(3);
  });
});
