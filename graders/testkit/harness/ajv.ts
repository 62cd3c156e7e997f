import { readFile } from 'node:fs/promises';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import envelopeSchema from '../../schemas/event-envelope.schema.json' with { type: 'json' };

/**
 * A fresh JSON Schema 2020-12 validator with the standard formats and the course's event
 * envelope registered under its $id, so a learner's schema may `$ref` it. Fresh per caller:
 * one instance refuses a second schema with the same $id, and learners reuse $ids.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addSchema(envelopeSchema);
  return ajv;
}

/** Validation errors as one line each, in the words a learner can act on. */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((error) => `  ${error.instancePath || '(the event itself)'} ${error.message ?? 'is invalid'}` +
      (error.params && Object.keys(error.params).length > 0 ? ` ${JSON.stringify(error.params)}` : ''))
    .join('\n');
}

/** Asserts that `value` matches the compiled schema; the failure lists every broken rule. */
export function expectMatchesSchema(validate: ValidateFunction, value: unknown, what: string): void {
  const valid = validate(value);
  expect(valid, `${what} does not match its schema:\n${describeSchemaErrors(validate.errors)}\n` +
    `value: ${JSON.stringify(value)}`).toBe(true);
}

/**
 * Reads and compiles a learner's JSON Schema file. A file that is not JSON, or not a valid
 * schema, fails as an assertion that names the file and the fix, never as a crash.
 */
export async function compileSchemaFile(ajv: Ajv2020, file: URL): Promise<ValidateFunction> {
  const name = file.pathname.split('/').slice(-2).join('/');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    expect.fail(`${name} is missing: create it next to your factory.`);
  }
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    expect.fail(`${name} is not valid JSON (${(error as Error).message}): fix the syntax.`);
  }
  try {
    return ajv.compile(schema as object);
  } catch (error) {
    expect.fail(`${name} is not a valid JSON Schema 2020-12: ${(error as Error).message}`);
  }
}
