import { eventAjv, envelopeSchema } from './event-ajv.ts';
import { isPersonal, secretWords } from './privacy-words.ts';
import { type Finding, nameFindings } from './event-names.ts';

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ulid = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const validateEnvelope = eventAjv().compile(envelopeSchema);

function* keysOf(value: unknown, path: string): Generator<{ path: string; key: string }> {
  if (Array.isArray(value)) for (const item of value) yield* keysOf(item, `${path}[]`);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      yield { path: `${path}.${key}`, key };
      yield* keysOf(child, `${path}.${key}`);
    }
  }
}

/** What a published event (an instance, not a schema) gets wrong: name, envelope, id kind, payload. */
export function instanceFindings(event: Record<string, unknown>): Finding[] {
  const name = typeof event.type === 'string' ? event.type : '(no type)';
  const findings = nameFindings(name);
  if (!validateEnvelope(event)) {
    for (const error of validateEnvelope.errors ?? []) {
      if (error.instancePath === '/type') continue; // the name rule above says it better
      findings.push({ event: name, rule: 'envelope/fields', problem: `${error.instancePath || 'the envelope'} ${error.message}`, fix: 'fill the envelope as graders/schemas/event-envelope.schema.json describes' });
    }
  }
  if (typeof event.id === 'string' && !uuidV7.test(event.id) && !ulid.test(event.id)) {
    findings.push({ event: name, rule: 'envelope/id', problem: `id ${event.id} is neither a UUIDv7 nor a ULID`, fix: 'use a UUIDv7 or a ULID: ids that sort by time keep indexes and logs in order' });
  }
  for (const { path, key } of keysOf(event.data, 'data')) {
    if (secretWords.test(key)) findings.push({ event: name, rule: 'privacy/secret', problem: `${path} is a secret`, fix: `remove ${path} from the payload` });
    else if (isPersonal(key)) findings.push({ event: name, rule: 'privacy/personal-data', problem: `${path} is personal data`, fix: 'reference the person by id' });
  }
  return findings;
}
