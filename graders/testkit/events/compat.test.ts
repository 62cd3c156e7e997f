import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareSchemas, SchemaInputError } from './compat.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../tools/events/fixtures/${name}`, import.meta.url), 'utf8'));
const compare = (previous: string, next: string) =>
  compareSchemas(fixture(previous), fixture(next), { previous, next }).map((change) => `${change.path}: ${change.reason}`);

describe('schema compatibility', () => {
  it('finds an added optional field compatible when old consumers accept unknown fields', () => {
    expect(compare('order-placed.v1.schema.json', 'order-placed.v2-compatible.schema.json')).toEqual([]);
  });

  it('finds the same field breaking for consumers whose schema closes the payload, and shows it with an example', () => {
    expect(compare('order-placed.v1-closed.schema.json', 'order-placed.v2-compatible.schema.json')).toEqual([
      '/data: old consumers refuse fields they do not know; the new schema lets any through',
      '/data/channel: a new field, which old consumers refuse (their schema allows no others)',
      'examples[0]/data: the old schema refuses this example of the new one: must NOT have additional properties',
    ]);
  });

  it('names each breaking change: a widened type, a dropped requirement, a new enum value', () => {
    expect(compare('order-placed.v1.schema.json', 'order-placed.v2-breaking.schema.json')).toEqual([
      '/data/totalCents: old consumers require it; new events may leave it out',
      '/data/totalCents: type number is allowed where old consumers take only integer',
      '/data/currency: new values "GBP" that old consumers do not know',
    ]);
  });

  it('refuses a schema that is not JSON Schema, naming it', () => {
    expect(() => compareSchemas(fixture('order-placed.v1.schema.json'), fixture('not-a-schema.schema.json'), { previous: 'v1', next: 'bad.json' }))
      .toThrow(SchemaInputError);
    expect(() => compareSchemas({}, [], { previous: 'v1', next: 'list.json' })).toThrow(/list\.json is not a JSON Schema/);
  });
});
