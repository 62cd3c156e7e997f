import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { PersonalData } from './personal-data.ts';

/**
 * Personal data and secrets in derived form. A hash of an email is still the email: anyone
 * with a list of addresses hashes them and joins, and a password hash is cracked offline by
 * whoever reads the topic. This looks for the usual derivations (MD5, SHA-1, SHA-256,
 * SHA-512 in hex or base64, and plain base64) of each sensitive value, in its usual
 * normalisations (as given, trimmed and lower-cased, card digits only), and for each
 * secret as given.
 */
export function expectNoDerivedPersonalData(event: unknown, person: PersonalData, secrets: readonly string[], what = 'the event'): void {
  const sensitive = [
    ['email', person.email],
    ['email', person.email.trim().toLowerCase()],
    ['name', person.fullName],
    ['address', person.address],
    ['card number', person.cardNumber.replace(/[^0-9]/g, '')],
  ] as const;
  const texts = [...stringsIn(event)];
  for (const secret of secrets) {
    if (texts.some((text) => text.includes(secret))) {
      expect.fail(`${what} carries a secret of the input (${abbreviate(secret)}): secrets never leave the service that holds them.`);
    }
  }
  for (const [kind, value] of [...sensitive, ...secrets.map((secret) => ['secret', secret] as const)]) {
    for (const [derivation, derived] of derivationsOf(value)) {
      const found = texts.find((text) => (derivation.endsWith('hex') ? text.toLowerCase().includes(derived) : text.includes(derived)));
      if (found) {
        expect.fail(`${what} carries the ${kind} as ${derivation} (${abbreviate(found)}): a hash or an encoding of ` +
          'personal data is still personal data (anyone can hash a list of candidates and compare); publish an id instead.');
      }
    }
  }
}

function derivationsOf(value: string): [string, string][] {
  const derived: [string, string][] = [['base64', Buffer.from(value).toString('base64').replace(/=+$/, '')]];
  for (const algorithm of ['md5', 'sha1', 'sha256', 'sha512']) {
    const digest = createHash(algorithm).update(value).digest();
    derived.push([`${algorithm} hex`, digest.toString('hex')], [`${algorithm} base64`, digest.toString('base64').replace(/=+$/, '')]);
  }
  return derived;
}

function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsIn(item);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield key;
      yield* stringsIn(item);
    }
  }
}

const abbreviate = (text: string) => JSON.stringify(text.length > 24 ? `${text.slice(0, 20)}…` : text);
