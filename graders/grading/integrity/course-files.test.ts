import { describe, expect, it } from 'vitest';
import { isCourseOwned, isLearnerOwned, isShippedMistake } from './course-files.ts';

const kata = 'exercises/katas/02-transactional-outbox';
const clinic = 'exercises/clinic/saga-and-idempotency/06-dedup-ttl';
const design = 'exercises/design/01-security-event-pipeline';

describe('who owns a file under exercises/', () => {
  it.each([
    [`${kata}/src/relay.ts`, true],
    [`${kata}/answers.md`, true],
    [`${kata}/test/relay.test.ts`, false],
    [`${kata}/test/reproduce.test.ts`, false],
    [`${kata}/test/src/helper.ts`, false],
    [`${clinic}/src/ledger-consumer.ts`, true],
    [`${clinic}/answers.md`, true],
    [`${clinic}/test/reproduce.test.ts`, true],
    [`${clinic}/test/ledger-consumer.test.ts`, false],
    [`${clinic}/test/support/ledger.ts`, false],
    [`${clinic}/README.md`, false],
    [`${design}/design.yaml`, true],
    [`${design}/src/correlator.ts`, true],
    [`${design}/test/design.test.ts`, false],
    [`${kata}/design.yaml`, false],
    ['exercises/curriculum.json', false],
    ['graders/grading/grade/cli.ts', false],
  ])('%s belongs to the learner: %s', (path, learner) => {
    expect(isLearnerOwned(path)).toBe(learner);
    expect(isCourseOwned(path)).toBe(!learner && (path.startsWith('exercises/') || path.startsWith('graders/')));
  });

  it("keeps a clinic item's starter src/ as its shipped mistake, and nothing else", () => {
    expect(isShippedMistake(`${clinic}/src/ledger-consumer.ts`)).toBe(true);
    expect(isShippedMistake(`${clinic}/test/reproduce.test.ts`)).toBe(false);
    expect(isShippedMistake(`${clinic}/answers.md`)).toBe(false);
    expect(isShippedMistake(`${kata}/src/relay.ts`)).toBe(false);
  });
});
