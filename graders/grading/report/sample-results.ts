import type { GradeResults } from '../grade/grade-results.ts';

/**
 * A results file with one of each outcome (passed, failed with a skipped test, error) and a
 * tamper finding, with characters that need escaping in every format.
 */
export function sampleResults(): GradeResults {
  return {
    schemaVersion: 1,
    course: 'Module 3: Event-Driven Architecture',
    gradedAt: '2026-09-01T10:11:12.345Z',
    target: 'learner',
    runtime: { node: 'v24.21.0', platform: 'linux-x64', durationMs: 12_345 },
    services: { postgres: 'embedded', kafka: 'embedded' },
    integrity: [{ file: 'exercises/katas/02-outbox/test/relay.test.ts', change: 'modified', handling: 'course-copy' }],
    totals: { points: 15, maxPoints: 30, exercises: 3, exercisesPassed: 1, testsPassed: 5, testsTotal: 7 },
    exercises: [
      {
        id: '01-order-placed-event', path: 'katas/01-order-placed-event', title: 'OrderPlaced, a fact', status: 'passed',
        points: 10, maxPoints: 10, testsPassed: 2, testsTotal: 2, durationMs: 1500, services: { postgres: 'embedded' },
        tests: [
          { file: 'test/order-placed.test.ts', name: 'OrderPlaced › names a fact in the past tense', status: 'passed', durationMs: 4 },
          { file: 'test/order-placed.test.ts', name: 'OrderPlaced › carries <integer> cents & "no" floats', status: 'passed', durationMs: 7 },
        ],
      },
      {
        id: '02-outbox', path: 'katas/02-outbox', title: 'Transactional outbox', status: 'failed',
        points: 5, maxPoints: 10, testsPassed: 2, testsTotal: 4, durationMs: 2500,
        firstFailure: 'relay › publishes | after a crash: AssertionError: expected 1 to be 2',
        hint: 'Write the event in the same transaction as the order.',
        tests: [
          { file: 'test/relay.test.ts', name: 'relay › publishes | after a crash', status: 'failed', message: 'AssertionError: expected 1 to be 2\u001b[31m', durationMs: 30 },
          { file: 'test/relay.test.ts', name: 'relay › keeps order per key', status: 'passed', durationMs: 20 },
          { file: 'test/relay.test.ts', name: 'relay › survives a restart', status: 'passed', durationMs: 25 },
          { file: 'test/relay.test.ts', name: 'relay › is skipped', status: 'skipped', durationMs: 0 },
        ],
      },
      {
        id: '03-consumer', path: 'katas/03-consumer', title: 'Idempotent consumer', status: 'error',
        points: 0, maxPoints: 10, testsPassed: 1, testsTotal: 1, durationMs: 8000,
        reason: 'timed out: did not finish within 8 s',
        tests: [{ file: 'test/consumer.test.ts', name: 'consumer › applies once', status: 'passed', durationMs: 5 }],
      },
    ],
  };
}
