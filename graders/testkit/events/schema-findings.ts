import envelopeSchema from '../../schemas/event-envelope.schema.json' with { type: 'json' };
import { isPersonal, secretWords } from './privacy-words.ts';
import { factNameFor, type Finding, nameFindings, subjectPrefixes } from './event-names.ts';
import { modeFindings } from './mode-findings.ts';

type Schema = Record<string, unknown>;
const envelopeFields = ['id', 'type', 'version', 'source', 'occurredAt', 'causationId', 'correlationId'] as const;
const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);


/** The event's name, when this JSON is the schema of an event: `properties.type.const`. */
export function eventNameOf(schema: unknown): string | undefined {
  const type = isObject(schema) && isObject(schema.properties) ? schema.properties.type : undefined;
  return isObject(type) && typeof type.const === 'string' ? type.const : undefined;
}

function refersToEnvelope(schema: Schema): boolean {
  const refs = [schema.$ref, ...(Array.isArray(schema.allOf) ? schema.allOf.map((s) => (isObject(s) ? s.$ref : undefined)) : [])];
  return refs.includes(envelopeSchema.$id);
}

/** Every property of a schema, however deep, with its path (data.customer.email). */
function* propertiesOf(schema: unknown, path: string): Generator<{ path: string; name: string; schema: Schema }> {
  if (!isObject(schema)) return;
  if (isObject(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties)) {
      if (!isObject(child)) continue;
      yield { path: `${path}.${name}`, name, schema: child };
      yield* propertiesOf(child, `${path}.${name}`);
    }
  }
  if (isObject(schema.items)) yield* propertiesOf(schema.items, `${path}[]`);
}

/**
 * What an event schema gets wrong beyond its name: envelope fields not required, a payload
 * that does not reference its subject by a stable id or embeds whole entities, and secrets
 * or personal data in any form (a hash of an email is still the email). A property may
 * carry `"x-personal-data": "<why this consumer needs it>"` to state a deliberate choice.
 * A schema that declares its mode with "x-mode" is also held to it (see modeFindings).
 */
export function schemaFindings(schema: Schema): Finding[] {
  const event = eventNameOf(schema) ?? String(schema.title ?? 'the event');
  const findings = nameFindings(event);
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const missing = refersToEnvelope(schema) ? [] : envelopeFields.filter((field) => !required.has(field));
  if (missing.length > 0) {
    findings.push({
      event, rule: 'envelope/fields', problem: `the envelope fields ${missing.join(', ')} are not required`,
      fix: `add "allOf": [{ "$ref": "${envelopeSchema.$id}" }], or require ${missing.join(', ')}`,
    });
  }
  const data = isObject(schema.properties) ? schema.properties.data : undefined;
  const payload = [...propertiesOf(data, 'data')];
  const topLevel = payload.filter((p) => p.path === `data.${p.name}`).map((p) => p.name);
  // The subject comes from the fact the event states; a name that states none has no subject
  // to look for until it is renamed (the name finding says so), unless a fact can be guessed.
  const fact = findings.length === 0 ? event : factNameFor(event);
  const subjects = fact ? subjectPrefixes(fact).map((s) => `${s[0]!.toLowerCase()}${s.slice(1)}Id`) : [];
  if (subjects.length > 0 && !subjects.some((id) => topLevel.includes(id))) {
    findings.push({
      event, rule: 'payload/stable-id', problem: `data does not name its subject by a stable id (${subjects.join(' or ')})`,
      fix: `add data.${subjects[0]}: consumers join and deduplicate on ids, not on names or positions`,
    });
  }
  for (const property of payload) {
    const children = isObject(property.schema.properties) ? Object.keys(property.schema.properties) : [];
    if (children.includes('id') && children.length > 1) {
      findings.push({
        event, rule: 'payload/stable-id', problem: `${property.path} embeds a whole entity`,
        fix: `reference it as ${property.path}Id and carry only the fields consumers need`,
      });
    }
    if (secretWords.test(property.name)) {
      findings.push({
        event, rule: 'privacy/secret', problem: `${property.path} is a secret (hashed or not, it must never leave its owner)`,
        fix: `remove ${property.path} from the payload`,
      });
    } else if (isPersonal(property.name) && typeof property.schema['x-personal-data'] !== 'string') {
      findings.push({
        event, rule: 'privacy/personal-data', problem: `${property.path} is personal data (a hash or a masked copy still is)`,
        fix: `reference the person by id, or mark the property "x-personal-data": "<why this consumer needs it>"`,
      });
    }
  }
  findings.push(...modeFindings(schema, event));
  return findings;
}
