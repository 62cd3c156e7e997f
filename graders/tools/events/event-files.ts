import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { eventAjv } from '../../testkit/events/event-ajv.ts';
import type { Finding } from '../../testkit/events/event-names.ts';
import { instanceFindings } from '../../testkit/events/instance-findings.ts';
import { eventNameOf, schemaFindings } from '../../testkit/events/schema-findings.ts';

/** Input the check cannot read as events: exit 2, naming the file and the fix. */
export class EventInputError extends Error {}

export interface FileFindings {
  file: string;
  findings: Finding[];
}

const skippedFolders = new Set(['node_modules', '.git', '.course', 'results']);
const isEventFile = (name: string) => name.endsWith('.schema.json') || name.endsWith('.event.json');

async function eventFilesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(entries.map(async (entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return skippedFolders.has(entry.name) ? [] : eventFilesUnder(path);
    return entry.isFile() && isEventFile(entry.name) ? [path] : [];
  }));
  return nested.flat().sort();
}

/** Reads one file as an event schema or an event; anything else is the caller's input error. */
export async function checkEventFile(file: string, shown = file): Promise<FileFindings | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new EventInputError(`${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EventInputError(`${shown} is not valid JSON (${(error as Error).message}): fix the syntax.`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new EventInputError(`${shown} holds no JSON object: an event or an event's JSON Schema is an object.`);
  const value = json as Record<string, unknown>;
  const isInstance = typeof value.type === 'string' && typeof value.data === 'object' && !('properties' in value);
  if (isInstance) return { file: shown, findings: instanceFindings(value) };
  const ajv = eventAjv();
  if (!ajv.validateSchema(value)) throw new EventInputError(`${shown} is not a valid JSON Schema 2020-12: ${ajv.errorsText(ajv.errors)}.`);
  try {
    ajv.compile(value);
  } catch (error) {
    throw new EventInputError(`${shown} does not compile as JSON Schema: ${(error as Error).message}.`);
  }
  return eventNameOf(value) === undefined ? undefined : { file: shown, findings: schemaFindings(value) };
}

/**
 * Every event schema (`*.schema.json` whose properties.type has a const) and every recorded
 * event (`*.event.json`) under a path, checked. A file named on its own is checked whatever
 * its name; a folder is searched for those two kinds, so a project's other JSON is left alone.
 */
export async function checkEventPath(path: string, root = process.cwd()): Promise<{ checked: FileFindings[]; notEvents: string[] }> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new EventInputError(`${relative(root, path) || path} cannot be read (${error.code ?? error.message}): give a file, or a folder of *.schema.json and *.event.json files.`);
  });
  const files = info.isDirectory() ? await eventFilesUnder(path) : [path];
  if (files.length === 0) throw new EventInputError(`${relative(root, path) || path} holds no *.schema.json or *.event.json file to check.`);
  const checked: FileFindings[] = [];
  const notEvents: string[] = [];
  for (const file of files) {
    const shown = relative(root, file) || file;
    const result = await checkEventFile(file, shown);
    if (result) checked.push(result);
    else notEvents.push(shown);
  }
  return { checked, notEvents };
}
