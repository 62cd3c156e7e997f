import { eventAjv } from './event-ajv.ts';

type Schema = Record<string, unknown>;
const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One way a new schema lets through an event that a consumer on the old schema refuses. */
export interface BreakingChange {
  path: string;
  reason: string;
}

const typesOf = (schema: Schema): string[] | undefined =>
  schema.type === undefined ? undefined : Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
// An integer is a number: a new integer where the old took any number is still readable.
const widens = (oldTypes: string[], newType: string) => !oldTypes.includes(newType) && !(newType === 'integer' && oldTypes.includes('number'));

/**
 * Backward compatibility of `next` with `previous`: can a consumer that validates with the
 * old schema read every event the new schema allows? Walks both schemas side by side and
 * names each keyword that lets more through; the envelope's `version` is expected to change
 * and is not counted. Schemas must already have compiled (see compareSchemas).
 */
export function breakingChanges(previous: Schema, next: Schema, path = ''): BreakingChange[] {
  const changes: BreakingChange[] = [];
  const at = path || '(the event)';
  const add = (reason: string, where = at) => changes.push({ path: where, reason });
  const oldTypes = typesOf(previous);
  const newTypes = typesOf(next);
  if (oldTypes && !newTypes) add(`the type ${oldTypes.join(' or ')} is no longer required: new events may carry any type there`);
  for (const type of (oldTypes && newTypes ? newTypes : [])) if (widens(oldTypes!, type)) add(`type ${type} is allowed where old consumers take only ${oldTypes!.join(' or ')}`);
  if ('const' in previous && path !== '/version' && JSON.stringify(previous.const) !== JSON.stringify(next.const)) {
    add(`the value was always ${JSON.stringify(previous.const)}; new events may carry ${'const' in next ? JSON.stringify(next.const) : 'other values'}`);
  }
  if (Array.isArray(previous.enum)) {
    const added = Array.isArray(next.enum) ? next.enum.filter((value) => !(previous.enum as unknown[]).some((old) => JSON.stringify(old) === JSON.stringify(value))) : ['any value'];
    if (added.length > 0) add(`new values ${added.map((v) => JSON.stringify(v)).join(', ')} that old consumers do not know`);
  }
  for (const [keyword, looser] of [['minimum', (a: number, b?: number) => b === undefined || b < a], ['exclusiveMinimum', (a: number, b?: number) => b === undefined || b < a],
    ['minLength', (a: number, b?: number) => b === undefined || b < a], ['minItems', (a: number, b?: number) => b === undefined || b < a],
    ['maximum', (a: number, b?: number) => b === undefined || b > a], ['exclusiveMaximum', (a: number, b?: number) => b === undefined || b > a],
    ['maxLength', (a: number, b?: number) => b === undefined || b > a], ['maxItems', (a: number, b?: number) => b === undefined || b > a]] as const) {
    const before = previous[keyword];
    const after = next[keyword] as number | undefined;
    if (typeof before === 'number' && looser(before, after)) add(`${keyword} goes from ${before} to ${after ?? 'none'}`);
  }
  for (const keyword of ['pattern', 'format'] as const) {
    if (previous[keyword] !== undefined && previous[keyword] !== next[keyword]) add(`${keyword} changes from ${JSON.stringify(previous[keyword])} to ${JSON.stringify(next[keyword] ?? 'none')}`);
  }
  const oldRequired = new Set(Array.isArray(previous.required) ? (previous.required as string[]) : []);
  const newRequired = new Set(Array.isArray(next.required) ? (next.required as string[]) : []);
  for (const field of oldRequired) if (!newRequired.has(field)) add('old consumers require it; new events may leave it out', `${path}/${field}`);
  const oldProperties = isObject(previous.properties) ? previous.properties : {};
  const newProperties = isObject(next.properties) ? next.properties : {};
  const oldClosed = previous.additionalProperties === false;
  if (oldClosed && next.additionalProperties !== false) add('old consumers refuse fields they do not know; the new schema lets any through');
  for (const [name, schema] of Object.entries(newProperties)) {
    const before = oldProperties[name];
    if (isObject(before) && isObject(schema)) changes.push(...breakingChanges(before, schema, `${path}/${name}`));
    else if (before === undefined && oldClosed) add('a new field, which old consumers refuse (their schema allows no others)', `${path}/${name}`);
  }
  for (const name of Object.keys(oldProperties)) {
    if (!(name in newProperties) && next.additionalProperties !== false) add('no longer described: new events may carry any value there', `${path}/${name}`);
  }
  if (isObject(previous.items) && isObject(next.items)) changes.push(...breakingChanges(previous.items, next.items, `${path}[]`));
  return changes;
}

export class SchemaInputError extends Error {}

/**
 * Compiles both schemas with ajv (so neither is taken on trust as JSON Schema), then lists
 * the breaking changes, and checks every example the new schema carries (`examples`) against
 * the old one: an example the old schema refuses is a breaking change shown by ajv itself.
 */
export function compareSchemas(previous: unknown, next: unknown, names: { previous: string; next: string }): BreakingChange[] {
  const compiled = [previous, next].map((schema, i) => {
    const name = i === 0 ? names.previous : names.next;
    if (!isObject(schema)) throw new SchemaInputError(`${name} is not a JSON Schema (a schema is a JSON object).`);
    const ajv = eventAjv();
    if (!ajv.validateSchema(schema)) {
      throw new SchemaInputError(`${name} is not a valid JSON Schema 2020-12: ${ajv.errorsText(ajv.errors)}.`);
    }
    try {
      return ajv.compile(schema);
    } catch (error) {
      throw new SchemaInputError(`${name} does not compile as JSON Schema: ${(error as Error).message}.`);
    }
  });
  const changes = breakingChanges(previous as Schema, next as Schema);
  // The version is meant to change between the two, so an example is read as old consumers
  // would once routing by version let it through: with the old schema's version.
  const oldVersion = isObject((previous as Schema).properties) ? ((previous as Schema).properties as Schema).version : undefined;
  for (const [i, example] of (Array.isArray((next as Schema).examples) ? ((next as Schema).examples as unknown[]) : []).entries()) {
    const asOld = isObject(example) && isObject(oldVersion) && 'const' in oldVersion ? { ...example, version: oldVersion.const } : example;
    if (!compiled[0]!(asOld)) {
      const error = compiled[0]!.errors?.[0];
      changes.push({ path: `examples[${i}]${error?.instancePath ?? ''}`, reason: `the old schema refuses this example of the new one: ${error?.message ?? 'invalid'}` });
    }
  }
  return changes;
}
