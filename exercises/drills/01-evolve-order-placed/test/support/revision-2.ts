import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { eventAjv } from '#graders/testkit/events/event-ajv.ts';

const schemaFile = new URL('../../src/order-placed.v2.schema.json', import.meta.url);

/** The learner's revision 2 schema as JSON, or an assertion that says what to fix. */
export function readRevision2(): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(schemaFile, 'utf8'));
  } catch (error) {
    expect.fail(`src/order-placed.v2.schema.json cannot be read as JSON (${(error as Error).message}): fix the syntax.`);
  }
  expect(typeof json === 'object' && json !== null && !Array.isArray(json), 'src/order-placed.v2.schema.json must hold a JSON Schema object').toBe(true);
  return json as Record<string, unknown>;
}

type Compiled = ReturnType<ReturnType<typeof eventAjv>['compile']>;
/** A validator that says yes or no (not a type guard: a refused event is still an event), with ajv's errors. */
export type Validator = ((value: unknown) => boolean) & { readonly errors: Compiled['errors'] };

/** The learner's revision 2 schema, compiled as a v2 consumer would compile it. */
export function compileRevision2(): Validator {
  const schema = readRevision2();
  const ajv = eventAjv();
  expect(ajv.validateSchema(schema), `src/order-placed.v2.schema.json is not a valid JSON Schema 2020-12: ${ajv.errorsText(ajv.errors)}`).toBe(true);
  let compiled: Compiled;
  try {
    compiled = ajv.compile(schema);
  } catch (error) {
    return expect.fail(`src/order-placed.v2.schema.json does not compile: ${(error as Error).message}`);
  }
  const validate = (value: unknown) => compiled(value);
  return Object.defineProperty(validate, 'errors', { get: () => compiled.errors }) as Validator;
}

/** Why a validator refused a value, one line. */
export const refusal = (validate: Validator) =>
  (validate.errors ?? []).map((e) => `${e.instancePath || '(the event)'} ${e.message}`).join('; ');
