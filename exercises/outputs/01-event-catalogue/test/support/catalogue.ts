import { readdirSync, readFileSync } from 'node:fs';
import { eventAjv } from '#graders/testkit/events/event-ajv.ts';

const eventsFolder = new URL('../../src/events/', import.meta.url);
const servicesFile = new URL('../../src/services.json', import.meta.url);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One event of the catalogue: its file, its JSON Schema and what the schema's x- keywords say about it. */
export interface Entry {
  file: string;
  schema: Json;
  /** properties.type.const, or the title when the schema names no type. */
  name: string;
  producer: unknown;
  consumers: unknown;
  mode: unknown;
  /** The schema of data, and its top-level properties with whether each is required. */
  data: Json;
  fields: { name: string; schema: Json; required: boolean }[];
}

/** The modes an event can be published in (concept 5 and the design guide's "pick one"). */
export { eventModes as modes } from '#graders/testkit/events/mode-findings.ts';

/** OrderAddressCorrected → order-address-corrected.schema.json. */
export const fileNameOf = (name: string) => `${name.replace(/(?<!^)([A-Z])/g, '-$1').toLowerCase()}.schema.json`;


function readJson(file: URL, shown: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${shown} cannot be read as JSON (${(error as Error).message}): fix the syntax.`);
    return undefined;
  }
}

/** Every file of src/events/, read; what cannot be read is a problem in words, never a crash. */
export function loadCatalogue(): { entries: Entry[]; problems: string[] } {
  const problems: string[] = [];
  const files = readdirSync(eventsFolder).filter((file) => !file.startsWith('.')).sort();
  const entries: Entry[] = [];
  for (const file of files) {
    const shown = `src/events/${file}`;
    if (!file.endsWith('.schema.json')) {
      problems.push(`${shown} is not a *.schema.json file: keep one JSON Schema per event in src/events/ and nothing else.`);
      continue;
    }
    const schema = readJson(new URL(file, eventsFolder), shown, problems);
    if (!isObject(schema)) {
      if (schema !== undefined) problems.push(`${shown} holds no JSON object: an event's JSON Schema is an object.`);
      continue;
    }
    const properties = isObject(schema.properties) ? schema.properties : {};
    const type = isObject(properties.type) ? properties.type.const : undefined;
    const name = typeof type === 'string' ? type : String(schema.title ?? file);
    if (typeof type !== 'string') problems.push(`${shown} does not fix the event's name: add "properties": { "type": { "const": "${name}" } }.`);
    const data = isObject(properties.data) ? properties.data : {};
    const required = new Set(Array.isArray(data.required) ? data.required : []);
    const fields = Object.entries(isObject(data.properties) ? data.properties : {})
      .filter((pair): pair is [string, Json] => isObject(pair[1]))
      .map(([field, fieldSchema]) => ({ name: field, schema: fieldSchema, required: required.has(field) }));
    entries.push({ file: shown, schema, name, producer: schema['x-producer'], consumers: schema['x-consumers'], mode: schema['x-mode'], data, fields });
  }
  return { entries, problems };
}

/** The services of src/services.json: name → what it owns. */
export function loadServices(): { services: Map<string, string>; problems: string[] } {
  const problems: string[] = [];
  const json = readJson(servicesFile, 'src/services.json', problems);
  const listed = isObject(json) && isObject(json.services) ? json.services : undefined;
  if (json !== undefined && !listed) problems.push('src/services.json needs "services": { "<service name>": "<what it owns>" }.');
  const services = new Map(Object.entries(listed ?? {}).map(([name, owns]) => [name, String(owns)]));
  return { services, problems };
}

/** The failure message of a rule: every entry that breaks it, one line each. */
export const listed = (rule: string, lines: string[]) => `${rule}:\n  ${lines.join('\n  ')}`;

type ValidateFunction = ReturnType<ReturnType<typeof eventAjv>['compile']>;

const compiled = new Map<Entry, { validate?: ValidateFunction; problem?: string }>();

/** The entry's schema compiled once (compiling is the slow part), or why it cannot be. */
export function compileEntry(entry: Entry): { validate?: ValidateFunction; problem?: string } {
  const known = compiled.get(entry);
  if (known) return known;
  // One validator per entry: learners may give two entries the same $id.
  const ajv = eventAjv();
  let result: { validate?: ValidateFunction; problem?: string };
  if (!ajv.validateSchema(entry.schema)) result = { problem: `${entry.file} is not a valid JSON Schema 2020-12: ${ajv.errorsText(ajv.errors)}` };
  else {
    try {
      result = { validate: ajv.compile(entry.schema) };
    } catch (error) {
      result = { problem: `${entry.file} does not compile: ${(error as Error).message}` };
    }
  }
  compiled.set(entry, result);
  return result;
}

/** The entry's first example, when it has one that is an object. */
export function exampleOf(entry: Entry): (Json & { data?: unknown }) | undefined {
  const example = Array.isArray(entry.schema.examples) ? entry.schema.examples[0] : undefined;
  return isObject(example) ? example : undefined;
}
