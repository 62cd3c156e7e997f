import { embeddedOnlySuffix } from '../../services/broker/embedded-only.ts';
import type { Exercise } from '../runner/exercise-catalog.ts';
import { firstLine, type RunOutcome, type TestOutcome } from '../runner/run-vitest.ts';
import type { ServiceAddresses } from '../../services/services.ts';
import type { ExerciseResult } from './grade-results.ts';
import { integrityMarker } from '../../testkit/vitest/integrity-guard-marker.ts';

/**
 * Points are the exercise's points in proportion to the tests passed. A run that failed as
 * a whole (a file that does not load, a crash, a timeout, an escaped error, a process exit)
 * scores 0: its passing tests cannot be trusted to mean anything.
 */
export function scoreExercise(
  exercise: Exercise,
  outcome: RunOutcome,
  services: ServiceAddresses,
  canonical?: readonly CanonicalTest[],
): ExerciseResult {
  const tests = (canonical ? onlyCanonical(outcome.tests, canonical) : outcome.tests).map((test) => ({
    file: test.file,
    name: test.name,
    status: test.status,
    ...(test.message ? { message: test.message } : {}),
    durationMs: Math.round(test.durationMs),
    // Tests that stage a fault only the embedded broker can say so in their name.
    ...(test.name.includes(embeddedOnlySuffix) ? { embeddedOnly: true } : {}),
  }));
  const testsPassed = tests.filter((test) => test.status === 'passed').length;
  const testsTotal = tests.length;
  const maxPoints = exercise.meta.points;
  const reason = runFailure(outcome);
  const failed = firstFailing(tests);
  const status = reason ? 'error' : testsTotal > 0 && testsPassed === testsTotal ? 'passed' : 'failed';
  const points = reason || testsTotal === 0 ? 0 : Math.round((maxPoints * testsPassed * 100) / testsTotal) / 100;
  const usedServices = Object.fromEntries(
    exercise.meta.services.flatMap((name) => {
      const provider = services[name]?.provider;
      return provider ? [[name, provider]] : [];
    }),
  );
  return {
    id: exercise.meta.id,
    path: exercise.path,
    title: exercise.meta.title,
    status,
    points,
    maxPoints,
    testsPassed,
    testsTotal,
    durationMs: Math.round(outcome.durationMs),
    ...(reason ? { reason } : {}),
    ...(failed ? { firstFailure: `${failed.name}: ${failed.message ?? 'failed'}` } : {}),
    ...(status !== 'passed' && exercise.meta.hints[0] ? { hint: exercise.meta.hints[0] } : {}),
    ...(Object.keys(usedServices).length > 0 ? { services: usedServices } : {}),
    tests,
  };
}

/** A test of the course, as the reference run reported it: its file and full name. */
export interface CanonicalTest {
  file: string;
  name: string;
}

/** Per exercise id, its canonical tests in the reference run's order. */
export type CanonicalTests = Record<string, readonly CanonicalTest[]>;

/**
 * The run's results for exactly the course's tests, in their order: a test the code under
 * test registered besides them (an extra passing `it` from src/) is ignored, and one that
 * did not run or was skipped counts as failed. A clinic item's reproduction test is the
 * learner's and has no canonical names: its legs are scored on their own.
 */
function onlyCanonical(tests: readonly TestOutcome[], canonical: readonly CanonicalTest[]): TestOutcome[] {
  const key = (test: CanonicalTest) => `${test.file}\u0000${test.name}`;
  const ran = Map.groupBy(tests, key);
  const expected = Map.groupBy(canonical, key);
  return canonical.map((test): TestOutcome => {
    const results = ran.get(key(test)) ?? [];
    // A second test under a course test's name (registered from src/ to shadow it) voids both.
    if (results.length > expected.get(key(test))!.length) {
      return { ...test, status: 'failed', message: 'registered more than once: code under test added a test under this name', durationMs: 0 };
    }
    const result = results[expected.get(key(test))!.indexOf(test)];
    if (result?.status === 'passed' || result?.status === 'failed') return result;
    const message = result ? 'skipped: a course test must run' : 'did not run: a course test must run';
    return { ...test, status: 'failed', message, durationMs: 0 };
  });
}

function runFailure(outcome: RunOutcome): string | undefined {
  if (outcome.abort) {
    return outcome.abort.reason === 'timeout' ? `timed out: ${outcome.abort.detail}` : outcome.abort.detail;
  }
  // Checked first: once the assertions are patched, no other line of the report is to be believed.
  const tampered = [...outcome.brokenFiles.map((f) => f.error), ...outcome.tests.map((t) => t.details ?? '')]
    .find((text) => text.includes(integrityMarker));
  if (tampered) return firstLine(tampered.slice(tampered.indexOf(integrityMarker)));
  const broken = outcome.brokenFiles[0];
  if (broken) {
    const error = broken.error.split('\n').find((line) => line.trim()) ?? broken.error;
    return `${broken.file} could not run: ${error.trim()}`;
  }
  const exited = outcome.tests.find((test) => /process\.exit unexpectedly called/.test(test.details ?? ''));
  if (exited) return `the code called process.exit during "${exited.name}"; return or throw instead`;
  return undefined;
}

/**
 * The failure a learner should read first: a behaviour test's, before the answers file's
 * (which often fails only because the code it describes does not work yet). Order is kept
 * otherwise: the report lists files and tests as they ran.
 */
export function firstFailing<T extends { file: string; status: string }>(tests: readonly T[]): T | undefined {
  const failing = tests.filter((test) => test.status === 'failed');
  return failing.find((test) => !isAnswersTest(test.file)) ?? failing[0];
}

const isAnswersTest = (file: string) => /(^|\/)answers(\.[\w-]+)?\.test\.ts$/.test(file);
