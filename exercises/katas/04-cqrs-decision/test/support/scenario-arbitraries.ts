import fc from 'fast-check';
import type { ReadSide, ReadSideKind, Scenario } from '../../src/scenario.ts';

const kinds: ReadSideKind[] = ['screen', 'report', 'search', 'dashboard', 'analytics', 'feed'];

/** Read sides with unique names, `prefix` keeping them apart from another list's names. */
export const readSides = (prefix: string, maxLength = 5): fc.Arbitrary<ReadSide[]> =>
  fc.array(fc.constantFrom(...kinds), { maxLength }).map((list) =>
    list.map((kind, index): ReadSide => ({ name: `${prefix}${kind}-${index + 1}`, kind })),
  );

/** Any scenario a learner might be handed, including ones the kata never names. */
export const scenarios: fc.Arbitrary<Scenario> = fc.record({
  team: fc.record({ engineers: fc.integer({ min: 1, max: 80 }), eventSourcingExperience: fc.boolean() }),
  writeInvariants: fc.constantFrom('simple' as const, 'complex' as const),
  readSides: readSides('read-'),
  auditRequired: fc.boolean(),
  infrastructure: fc.record({ broker: fc.boolean(), eventStore: fc.boolean() }),
});
