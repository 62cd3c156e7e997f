import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectValidEnvelope } from '#graders/testkit/harness/event-envelope.ts';
import { compileSchemaFile, createAjv, expectMatchesSchema } from '#graders/testkit/harness/ajv.ts';
import type { Cause } from '../../src/cause.ts';
import { causes } from './domain-arbitraries.ts';
import { eventChecks } from './event-checks.ts';
import type { EventVariant } from './event-variant.ts';

/** The cause of every hand-picked example: fixed, so an example fails the same way every run. */
export const exampleCause: Cause = { commandId: '0b6f3d0e-6a4e-4d43-9a43-2f1c6f0c0a11', correlationId: 'c3c1f0a2-93a8-4a87-8f55-7d2b2a6f9e42' };

/**
 * The behaviour every event factory of the kata must have, whatever its domain: each rule
 * first on the hand-picked examples (deterministic: a mistake fails there in every run),
 * then as a property over generated inputs, searching around them.
 */
export function describeEventFactory<TInput>(variant: EventVariant<TInput>): void {
  const { eventType, inputName } = variant;
  const checks = eventChecks(variant);
  const rules: [name: string, check: (input: TInput, cause: Cause) => void, numRuns?: number][] = [
    ['produces events that keep the course envelope', (input, cause) => expectValidEnvelope(checks.produced(input, cause), eventType)],
    [`names the fact ${eventType}`, checks.type, 10],
    ['gives every event an id of its own, even for the same input', checks.freshIds, 20],
    [`stamps occurredAt with the moment the ${inputName} happened, in UTC`, checks.occurredAt],
    ['carries the command as its cause and the flow as its correlation', checks.cause, 20],
    [`carries the stable ids of the ${inputName}`, checks.stableIds, 20],
    ['keeps every line with a quantity and leaves out the lines at quantity zero', checks.lines],
    ['totals its lines exactly, in integer minor units of the currency', checks.total],
    ['states its currency as the ISO 4217 code of the input', checks.currency],
    ['publishes no personal data of the person behind it', checks.noPersonalData],
    ['publishes no personal data or secret in derived form: no hash or encoding of them', checks.noDerivedPersonalDataOrSecrets],
  ];

  describe(`the ${eventType} factory on hand-picked examples`, () => {
    for (const [name, check] of rules) {
      it(name, () => {
        for (const example of variant.examples) check(example, exampleCause);
      });
    }
    it('produces events that match your own JSON Schema', async () => {
      const validate = await compileSchemaFile(createAjv(), variant.schemaFile);
      for (const example of variant.examples) expectMatchesSchema(validate, checks.produced(example, exampleCause), eventType);
    });
  });

  describe(`the ${eventType} factory`, () => {
    for (const [name, check, numRuns] of rules) {
      it(name, () => {
        fc.assert(fc.property(variant.inputs, causes(), check), numRuns === undefined ? {} : { numRuns });
      });
    }
    it('produces events that match your own JSON Schema', async () => {
      const validate = await compileSchemaFile(createAjv(), variant.schemaFile);
      fc.assert(fc.property(variant.inputs, causes(), (input, cause) => {
        expectMatchesSchema(validate, checks.produced(input, cause), eventType);
      }));
    });
  });
}
