import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../grading/runner/repo-paths.ts';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8').replace(/\s+/g, ' ');

// The guide once said five in one place and ten in another, moved the quiz off day 6 and gave
// "staged" two meanings; these pin the settled wording so the pages cannot drift apart again.
describe('the module guide says one thing', () => {
  it('names both mistake log targets: five for the clinic, ten for the module output', () => {
    for (const page of ['modules/README.md', 'modules/practice/mistake-clinic.md']) {
      expect(read(page), page).toMatch(/five finish the clinic/i);
      expect(read(page), page).toMatch(/ten/i);
    }
  });

  it('keeps day 6 for the quiz', () => {
    const week = readFileSync(join(repoRoot, 'modules/README.md'), 'utf8').split('## A week with this module')[1] ?? '';
    const day6 = week.match(/^\| 6 \|(.*)\|$/m)?.[1] ?? '';
    expect(day6).toMatch(/npm run quiz/);
  });

  it('gives "staged" CQRS the meaning Kata 4 grades: split now, event sourcing later', () => {
    expect(read('modules/concepts/15-cqrs.md')).toMatch(/\*\*staged\*\* \(split reads from writes now[^)]*event sourcing later\)/);
    expect(read('exercises/katas/04-cqrs-decision/README.md')).toMatch(/\| `staged` \| split now, fed through an outbox into projections \| `later` \|/);
    expect(read('modules/practice/katas.md')).toMatch(/staged: split now, event sourcing later/);
  });
});
