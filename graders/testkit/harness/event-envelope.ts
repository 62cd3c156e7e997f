import { createAjv, expectMatchesSchema } from './ajv.ts';

const validateEnvelope = createAjv().getSchema('https://course.invalid/schemas/event-envelope.schema.json')!;

/** Asserts that an event keeps the course envelope (graders/schemas/event-envelope.schema.json). */
export function expectValidEnvelope(event: unknown, what = 'the event'): void {
  expectMatchesSchema(validateEnvelope, event, `${what} (checked against the course event envelope)`);
}
