import fc from 'fast-check';
import { describe, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { compileEntry, exampleOf, loadCatalogue } from './support/catalogue.ts';

// Only entries whose schema compiles and accepts its own example: the other tests name the rest.
const usable = loadCatalogue().entries.flatMap((entry) => {
  const example = exampleOf(entry);
  const { validate } = compileEntry(entry);
  return validate && typeof example?.data === 'object' && example.data !== null && validate(example)
    ? [{ entry, example: example as { data: Record<string, unknown> }, validate }]
    : [];
});

describe('your event catalogue under generated additions', () => {
  it('accepts every example with any new data field, as a next compatible version would add it', async () => {
    if (usable.length === 0) return; // nothing to search around until an entry has a valid example
    const newField = fc.stringMatching(/^[a-z][A-Za-z0-9]{0,20}$/);
    await assertProperty(fc.property(fc.constantFrom(...usable), newField, fc.jsonValue({ maxDepth: 2 }), ({ entry, example, validate }, field, value) => {
      fc.pre(!(field in example.data));
      const next = { ...example, data: { ...example.data, [field]: value } };
      if (!validate(next)) throw new Error(`${entry.file}: ${entry.name} refuses data.${field} = ${JSON.stringify(value)}, a field a later version may add: leave data open (no additionalProperties: false, propertyNames or maxProperties)`);
    }), { numRuns: 200 });
  });
});
