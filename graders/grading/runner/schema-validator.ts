import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { schemasDir } from './repo-paths.ts';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const compiled = new Map<string, ValidateFunction>();

/** A validator for one of the course's own schemas in graders/schemas/, compiled once. */
export function courseSchema(fileName: string): ValidateFunction {
  let validate = compiled.get(fileName);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(join(schemasDir, fileName), 'utf8')));
    compiled.set(fileName, validate);
  }
  return validate;
}

/** Ajv's errors as lines a person can act on: where in the document, and what is wrong. */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath || '(top level)';
    const extra =
      error.keyword === 'additionalProperties'
        ? ` ("${String(error.params.additionalProperty)}")`
        : error.keyword === 'enum'
          ? ` (one of ${JSON.stringify(error.params.allowedValues)})`
          : '';
    return `${where} ${error.message ?? 'is invalid'}${extra}`;
  });
}
