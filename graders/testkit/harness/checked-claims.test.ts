import { describe, expect, it } from 'vitest';
import { claimValue, expectClaim, expectNamedClaim } from './checked-claims.ts';
import { markdownSections } from './markdown-sections.ts';

const nonsense = `# Kata 2

## Index

Purple monkeys dishwasher published_at unpublished pending. Purple monkeys dishwasher index.

## Failure modes

### Relay publishes, dies before UPDATE

Purple monkeys dishwasher duplicated neither lost. The outcome is purple monkeys dishwasher.
`;

describe('checked claims in answers', () => {
  it('finds a claim line whatever Markdown emphasis surrounds it', () => {
    expect(claimValue('Some words.\n\nOutcome: duplicated\n', 'Outcome')).toBe('duplicated');
    expect(claimValue('- **Outcome:** `neither`.', 'Outcome')).toBe('neither');
    expect(claimValue('Index: `outbox_pending`', 'Index')).toBe('outbox_pending');
  });

  it('gives nonsense with the right trait words under the right headings nothing to score', () => {
    const sections = markdownSections(nonsense);
    expect(() => expectNamedClaim(sections.get('Index')!, 'Index', 'Index', 'outbox_pending')).toThrow(/needs a line "Index: outbox_pending"/);
    expect(() =>
      expectClaim(sections.get('Failure modes > Relay publishes, dies before UPDATE')!, 'the failure', 'Outcome', ['lost', 'duplicated', 'neither']),
    ).toThrow(/needs a line such as "Outcome: lost"/);
  });

  it('refuses a claim outside its choices, naming them', () => {
    expect(() => expectClaim('Outcome: maybe', 'the failure', 'Outcome', ['lost', 'duplicated', 'neither'])).toThrow(/"Outcome: maybe" is not one of/);
  });
});
