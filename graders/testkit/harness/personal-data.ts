import fc from 'fast-check';
import { expect } from 'vitest';

/** What a producer knows about a person and must not broadcast in an event. */
export interface PersonalData {
  fullName: string;
  email: string;
  address: string;
  cardNumber: string;
}

const firstNames = ['Ana', 'José', 'Zoë', 'Łukasz', 'Søren', 'Nguyễn Thị', 'Aïcha', 'Олег', '太郎', 'محمد', "D'Arcy", 'Ms. 👩🏽‍💻'];
const lastNames = ['Núñez', "O'Brien-Smith", 'Łukasiewicz', 'Müller', '山田', 'Ἀθηναῖος', 'van der Berg', 'Al-Hashimi', 'Ó Súilleabháin'];
const streets = ['Rua das Flores', 'Hauptstraße', 'Calle Ñandú', '1-chōme Shibuya', 'Boulevard Saint-Michel', 'Улица Ленина', 'Rue de l’Église'];
const cities = ['São Paulo', 'Köln', 'Reykjavík', '東京', 'Montréal', 'Kraków', 'Zürich'];

/**
 * People who make naive code stumble: non-Latin names, emails with plus tags and mixed case,
 * multi-line addresses, card numbers written with spaces or dashes.
 */
export function awkwardPerson(): fc.Arbitrary<PersonalData> {
  const fullName = fc
    .tuple(fc.constantFrom(...firstNames), fc.constantFrom(...lastNames))
    .map(([first, last]) => `${first} ${last}`);
  const email = fc
    .tuple(fc.emailAddress(), fc.option(fc.stringMatching(/^[a-z0-9]{1,8}$/), { nil: undefined }), fc.boolean())
    .map(([address, tag, shout]) => {
      const [local, domain] = address.split('@') as [string, string];
      const tagged = tag === undefined ? `${local}@${domain}` : `${local}+${tag}@${domain}`;
      return shout ? tagged.toUpperCase() : tagged;
    });
  const address = fc
    .tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom(...streets), fc.constantFrom(...cities), fc.boolean())
    .map(([number, street, city, multiline]) => `${street} ${number}${multiline ? '\n' : ', '}${city}`);
  const cardNumber = fc
    .tuple(fc.stringMatching(/^[3-6][0-9]{15}$/), fc.constantFrom('', ' ', '-'))
    .map(([digits, separator]) => digits.match(/.{4}/g)!.join(separator));
  return fc.record({ fullName, email, address, cardNumber });
}

/** Every string, number and key in a JSON-like value, however deep. */
function* textsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (typeof value === 'number' || typeof value === 'bigint') yield String(value);
  else if (Array.isArray(value)) for (const item of value) yield* textsIn(item);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield key;
      yield* textsIn(item);
    }
  }
}

const digitsOnly = (text: string) => text.replace(/[^0-9]/g, '');

/**
 * Asserts that none of a person's personal data appears anywhere in an event: not the
 * email (in any letter case), not the address or any of its lines, not the card number in
 * any formatting, not the full name. Consumers that need them fetch them by id.
 */
export function expectNoPersonalData(event: unknown, person: PersonalData, what = 'the event'): void {
  const email = person.email.toLowerCase();
  const addressLines = person.address.split(/\n|, /).filter((line) => line.length >= 4);
  const card = digitsOnly(person.cardNumber);
  for (const text of textsIn(event)) {
    const leak = (kind: string) =>
      expect.fail(`${what} carries the customer's ${kind} (${JSON.stringify(text)}): personal data ` +
        `must stay with the service that owns it; publish the customer's id instead.`);
    if (text.toLowerCase().includes(email)) leak('email');
    if (text.includes(person.address) || addressLines.some((line) => text.includes(line))) leak('address');
    if (card.length > 0 && digitsOnly(text).includes(card)) leak('card number');
    if (text.includes(person.fullName)) leak('name');
  }
}
