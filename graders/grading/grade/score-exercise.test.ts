import { describe, expect, it } from 'vitest';
import { firstFailing } from './score-exercise.ts';

describe('the first failure a learner is shown', () => {
  it("is the first failing behaviour test, even when the answers file's tests ran first", () => {
    const tests = [
      { file: 'test/answers.test.ts', name: 'answers › outcome', status: 'failed' },
      { file: 'test/relay.test.ts', name: 'relay › publishes', status: 'passed' },
      { file: 'test/relay.test.ts', name: 'relay › keeps order', status: 'failed' },
      { file: 'test/consumer.test.ts', name: 'consumer › dedups', status: 'failed' },
    ];
    expect(firstFailing(tests)?.name).toBe('relay › keeps order');
  });

  it('is the answers test when nothing else fails', () => {
    const tests = [
      { file: 'test/relay.test.ts', name: 'relay › publishes', status: 'passed' },
      { file: 'test/answers.test.ts', name: 'answers › outcome', status: 'failed' },
    ];
    expect(firstFailing(tests)?.name).toBe('answers › outcome');
  });

  it('is nothing when every test passed', () => {
    expect(firstFailing([{ file: 'test/relay.test.ts', name: 'relay', status: 'passed' }])).toBeUndefined();
  });
});
