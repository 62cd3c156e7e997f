import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { eventAjv } from '#graders/testkit/events/event-ajv.ts';
import { instanceFindings } from '#graders/testkit/events/instance-findings.ts';
import { schemaFindings } from '#graders/testkit/events/schema-findings.ts';
import { userSignedUpSchema } from '../src/user-signed-up.ts';
import type { UserRow } from '../src/user.ts';
import { leaksOf } from './support/leaks.ts';
import { type PublishedRecord, signups, type Signups } from './support/signups.ts';
import { arbitraryUser, sampleUsers } from './support/users.ts';

// One topic for the file: three users sign up, then every test reads back every record the
// topic holds (a fresh consumer group from the first offset), so nothing written anywhere by
// the publisher escapes the scan.
let world: Signups;
let users: UserRow[];
let records: PublishedRecord[];
beforeAll(async () => {
  world = await signups('user-signed-up');
  users = sampleUsers();
  for (const user of users) await world.publisher.userSignedUp(user);
  records = await world.records();
});
afterAll(() => world?.[Symbol.asyncDispose]());

const leaks = (kind: 'secrets' | 'personal', only?: (record: PublishedRecord) => PublishedRecord) =>
  records.flatMap((record) => users.flatMap((user) => leaksOf(only ? only(record) : record, user)[kind]));
const privacyRules = (record: PublishedRecord) =>
  instanceFindings(JSON.parse(record.value!) as Record<string, unknown>).filter((f) => f.rule.startsWith('privacy/')).map((f) => f.problem);

describe('UserSignedUp on the topic', () => {
  it('holds one record per sign-up, each with the user id and plan consumers need', () => {
    expect(records).toHaveLength(users.length);
    const data = records.map((record) => (JSON.parse(record.value!) as { data: { userId: string; plan: string } }).data);
    expect(data.map((d) => [d.userId, d.plan])).toEqual(users.map((u) => [u.userId, u.plan]));
  });

  it('carries no password hash, nor anything shaped like one, in any record', () => {
    expect(leaks('secrets')).toEqual([]);
  });

  it('carries no email, name or phone, nor a hash or encoding of them, in any record', () => {
    expect(leaks('personal')).toEqual([]);
    expect(records.flatMap(privacyRules)).toEqual([]);
  });

  it('carries nothing about the user in the record headers', () => {
    const headersOnly = (record: PublishedRecord) => ({ key: null, value: null, headers: record.headers });
    expect([...leaks('secrets', headersOnly), ...leaks('personal', headersOnly)]).toEqual([]);
  });
});

describe('UserSignedUp for generated users', () => {
  it('gives away no secret or personal data of anyone who signs up', async () => {
    await assertProperty(
      fc.asyncProperty(arbitraryUser(), async (user) => {
        const before = (await world.records()).length;
        await world.publisher.userSignedUp(user);
        const theirs = (await world.records()).slice(before);
        expect(theirs).toHaveLength(1);
        expect(leaksOf(theirs[0]!, user)).toEqual({ secrets: [], personal: [] });
      }),
      { numRuns: 10 },
    );
  });
});

describe('the UserSignedUp schema', () => {
  const validate = eventAjv().compile(userSignedUpSchema);
  const aRecord = () => JSON.parse(records[0]!.value!) as { data: Record<string, unknown> };

  it('accepts every record on the topic', () => {
    const errors = records.map((record) => (validate(JSON.parse(record.value!)) ? [] : validate.errors));
    expect(errors.flat()).toEqual([]);
  });

  it('refuses a payload with a property it does not name (additionalProperties: false)', () => {
    for (const extra of ['email', 'emailSha256', 'credentials', 'anythingElse']) {
      const event = aRecord();
      event.data[extra] = 'x';
      expect(validate(event), `a UserSignedUp whose data also holds "${extra}"`).toBe(false);
    }
  });

  it('names no secret or personal-data property', () => {
    const findings = schemaFindings(userSignedUpSchema).filter((f) => f.rule.startsWith('privacy/'));
    expect(findings.map((f) => f.problem)).toEqual([]);
  });
});
