import { randomBytes, randomUUID } from 'node:crypto';
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
