import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { UserRow } from '../../src/user.ts';

const bcryptAlphabet = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A bcrypt-shaped hash: what the login code stores (the tests never need a real one). */
export function bcryptLike(): string {
  const body = [...randomBytes(53)].map((byte) => bcryptAlphabet[byte % bcryptAlphabet.length]).join('');
  return `$2b$12$${body}`;
}

/** Users whose data makes naive redaction stumble: mixed-case and tagged emails, accents. */
export const sampleUsers = (): UserRow[] => [
  user('Zoë.Núñez+news@Example.org', 'Zoë Núñez', '+351 912 345 678', 'pro'),
  user('d.obrien@example.com', "Dara O'Brien", '(020) 7946 0018', 'free'),
  user('ANA@EXAMPLE.NET', 'Ana Łukasiewicz', '+48 601 234 567', 'team'),
];

function user(email: string, fullName: string, phone: string, plan: UserRow['plan']): UserRow {
  return { userId: randomUUID(), email, fullName, phone, passwordHash: bcryptLike(), plan, createdAt: '2026-01-01T00:00:00.000Z' };
}

const firstNames = ['Ana', 'José', 'Zoë', 'Łukasz', 'Søren', 'Aïcha', 'Олег', '太郎', "D'Arcy"];
const lastNames = ['Núñez', "O'Brien-Smith", 'Müller', '山田', 'van der Berg', 'Al-Hashimi'];

/**
 * Generated users: emails with plus tags and shouting case, names outside ASCII, phones
 * written with spaces, dashes or brackets, and a bcrypt-shaped hash of each one's own.
 */
export function arbitraryUser(): fc.Arbitrary<UserRow> {
  const email = fc
    .tuple(fc.emailAddress(), fc.option(fc.stringMatching(/^[a-z0-9]{1,6}$/), { nil: undefined }), fc.boolean())
    .map(([address, tag, shout]) => {
      const [local, domain] = address.split('@') as [string, string];
      const tagged = tag === undefined ? address : `${local}+${tag}@${domain}`;
      return shout ? tagged.toUpperCase() : tagged;
    });
  const phone = fc
    .tuple(fc.stringMatching(/^[1-9][0-9]{9,11}$/), fc.constantFrom(' ', '-', ''), fc.boolean())
    .map(([digits, separator, plus]) => `${plus ? '+' : ''}${digits.match(/.{1,3}/g)!.join(separator)}`);
  const hash = fc.stringMatching(/^[./A-Za-z0-9]{53}$/).map((body) => `$2b$12$${body}`);
  return fc.record({
    userId: fc.uuid({ version: 4 }),
    email,
    fullName: fc.tuple(fc.constantFrom(...firstNames), fc.constantFrom(...lastNames)).map(([first, last]) => `${first} ${last}`),
    phone,
    passwordHash: hash,
    plan: fc.constantFrom('free', 'pro', 'team'),
    createdAt: fc.constant('2026-01-01T00:00:00.000Z'),
  });
}
