import type { ExerciseResult, GradeResults } from '../grade/grade-results.ts';

/**
 * The grade as JUnit XML (the Surefire/Jenkins dialect, graders/schemas/vendor/junit-10.xsd):
 * one test suite per exercise with its points as properties. An exercise whose run failed as
 * a whole gets one `<error>` test case carrying the reason, so CI tools show it.
 */
export function renderJUnitXml(results: GradeResults): string {
  const failures = results.exercises.reduce((n, e) => n + failed(e), 0);
  const errors = results.exercises.filter((e) => e.status === 'error').length;
  const tests = results.exercises.reduce((n, e) => n + caseCount(e), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(results.course)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${seconds(results.runtime.durationMs)}">`,
    ...results.exercises.map((exercise) => suite(exercise, results)),
    '</testsuites>',
    '',
  ].join('\n');
}

function suite(exercise: ExerciseResult, results: GradeResults): string {
  const skipped = exercise.tests.filter((t) => t.status === 'skipped').length;
  const properties = [
    ['points', String(exercise.points)],
    ['maxPoints', String(exercise.maxPoints)],
    ['status', exercise.status],
    ...Object.entries(exercise.services ?? {}).map(([name, provider]) => [`provider.${name}`, provider]),
  ];
  const cases = exercise.tests.map((test) => {
    const open = `    <testcase classname="${attr(`${exercise.path}/${test.file}`)}" name="${attr(test.name)}" time="${seconds(test.durationMs)}"`;
    if (test.status === 'passed') return `${open}/>`;
    if (test.status === 'skipped') return `${open}>\n      <skipped/>\n    </testcase>`;
    const message = test.message ?? 'failed';
    return `${open}>\n      <failure message="${attr(message)}" type="${attr(message.split(':')[0] ?? 'Error')}">${text(message)}</failure>\n    </testcase>`;
  });
  if (exercise.status === 'error') {
    cases.push(
      `    <testcase classname="${attr(exercise.path)}" name="the exercise's test run" time="${seconds(exercise.durationMs)}">\n` +
        `      <error message="${attr(exercise.reason ?? 'the run failed')}" type="run-error">${text(exercise.reason ?? '')}</error>\n    </testcase>`,
    );
  }
  return [
    `  <testsuite name="${attr(exercise.path)}" tests="${caseCount(exercise)}" failures="${failed(exercise)}" ` +
      `errors="${exercise.status === 'error' ? 1 : 0}" skipped="${skipped}" time="${seconds(exercise.durationMs)}" timestamp="${attr(results.gradedAt)}">`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property name="${attr(name!)}" value="${attr(value!)}"/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

const failed = (e: ExerciseResult) => e.tests.filter((t) => t.status === 'failed').length;
const caseCount = (e: ExerciseResult) => e.tests.length + (e.status === 'error' ? 1 : 0);
const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** XML 1.0 forbids most control characters even escaped; terminal colours can carry them. */
const clean = (value: string) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
const text = (value: string) => clean(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const attr = (value: string) =>
  text(value).replaceAll('"', '&quot;').replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;');
