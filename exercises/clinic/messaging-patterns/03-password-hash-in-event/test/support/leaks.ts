import { createHash } from 'node:crypto';
import type { UserRow } from '../../src/user.ts';
import type { PublishedRecord } from './signups.ts';

/** Strings that look like a password hash whoever wrote them: bcrypt, argon2, scrypt, PBKDF2. */
const passwordHashShape = /\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}|\$argon2(id|i|d)\$|\$scrypt\$|pbkdf2[_$]/i;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const base64 = (text: string) => Buffer.from(text).toString('base64');
const digitsOnly = (text: string) => text.replace(/[^0-9]/g, '');

/** Every form of a value that still identifies the person: as written, lower case, hashed, encoded. */
function formsOf(value: string): string[] {
  const forms = new Set([value, value.toLowerCase(), value.trim().toLowerCase()]);
  for (const form of [...forms]) {
    forms.add(sha256(form));
    forms.add(md5(form));
    forms.add(base64(form));
    forms.add(Buffer.from(form).toString('base64url'));
  }
  return [...forms];
}

/** Every text in a record: the raw key and value, each header, and every key and string of the JSON. */
function textsOf(record: PublishedRecord): { where: string; text: string }[] {
  const texts = [
    { where: 'the key', text: record.key ?? '' },
    { where: 'the value', text: record.value ?? '' },
    ...Object.entries(record.headers).flatMap(([name, value]) => [
      { where: 'a header name', text: name },
      { where: `header ${name}`, text: value },
    ]),
  ];
  return texts.map(({ where, text }) => ({ where, text: text.toLowerCase() }));
}

/**
 * What of `user`'s secrets one record gives away, anywhere in it and in any form the tests
 * know: the password hash or anything shaped like one; the email, full name or phone as
 * written, lower-cased, hashed (SHA-256, MD5) or base64-encoded; the phone's digits.
 */
export function leaksOf(record: PublishedRecord, user: UserRow): { secrets: string[]; personal: string[] } {
  const secrets: string[] = [];
  const personal: string[] = [];
  const texts = textsOf(record);
  for (const { where, text } of texts) {
    if (text.includes(user.passwordHash.toLowerCase())) secrets.push(`${where} holds the password hash`);
    else if (passwordHashShape.test(text)) secrets.push(`${where} holds something shaped like a password hash`);
    for (const [what, value] of [['email', user.email], ['full name', user.fullName]] as const) {
      if (formsOf(value).some((form) => text.includes(form.toLowerCase()))) personal.push(`${where} holds the ${what} or a hash or encoding of it`);
    }
    if (formsOf(user.phone).some((form) => text.includes(form.toLowerCase())) || digitsOnly(text).includes(digitsOnly(user.phone))) {
      personal.push(`${where} holds the phone number or its digits`);
    }
  }
  return { secrets, personal };
}
