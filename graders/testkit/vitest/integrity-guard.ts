import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, chai, expect, TestRunner } from 'vitest';
import { sandboxVariable } from './sandbox-flags.ts';

import { integrityMarker } from './integrity-guard-marker.ts';

/**
 * Runs in each test worker before the test file (and so before any learner code) is
 * imported, when the grader runs a copied exercise. Code under test shares the process with
 * the assertions, so it could patch them (an `expect` that never fails, an `Object.prototype`
 * getter that hides a failure) or shrink the search (fast-check's global settings,
 * `COURSE_RUNS` set at import). What those rest on is recorded here and compared around
 * every test and at the end of the file; a difference fails the file with the marker, and
 * the grader scores the exercise 0. It cannot stop code that undoes its patch before each
 * check: a grade of record also runs the worker under Node's permission model and reads
 * only the canonical tests.
 */
const watched: Record<string, () => object> = {
  'Object.prototype': () => Object.prototype,
  'Array.prototype': () => Array.prototype,
  'Function.prototype': () => Function.prototype,
  'Promise.prototype': () => Promise.prototype,
  'Error.prototype': () => Error.prototype,
  'JSON': () => JSON,
  'the expect function': () => expect,
  "chai's assertions": () => chai.Assertion.prototype,
  'fast-check': () => fc,
};

type Snapshot = Map<string, string | PropertyDescriptor>;

function snapshot(): Snapshot {
  const taken: Snapshot = new Map();
  for (const [name, target] of Object.entries(watched)) {
    for (const key of Reflect.ownKeys(target())) {
      const descriptor = Object.getOwnPropertyDescriptor(target(), key);
      // Behaviour only: a method or an accessor. Plain data (chai's per-assertion flags) changes as tests run.
      if (descriptor && (typeof descriptor.value === 'function' || descriptor.get || descriptor.set)) {
        taken.set(`${name} › ${String(key)}`, descriptor);
      }
    }
  }
  taken.set("fast-check's global settings", JSON.stringify(fc.readConfigureGlobal()));
  for (const [name, value] of Object.entries(process.env)) if (name.startsWith('COURSE_')) taken.set(`$${name}`, value ?? '');
  return taken;
}

function sameDescriptor(a: string | PropertyDescriptor, b: string | PropertyDescriptor | undefined): boolean {
  if (typeof a === 'string' || typeof b === 'string' || b === undefined) return a === b;
  return a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable;
}

const before = snapshot();

/**
 * Hooks (\`afterEach\`, \`beforeAll\`, ...) registered from the learner's src/ while the test
 * file loads: such a hook could rewrite a failed test's result. The file-level hook lists
 * are watched from here on, and a registration whose call stack passes through src/ is
 * recorded; the checks below then fail the file.
 */
const hooksFromSrc: string[] = [];
const sandboxRoot = process.env[sandboxVariable];
if (sandboxRoot) {
  const srcFolder = join(sandboxRoot, 'src');
  // Every top-level hook of a test file is added through its collector's \`on\`.
  const collector = TestRunner.getCurrentSuite();
  const on = collector.on.bind(collector);
  collector.on = (name, ...fns) => {
    if (new Error().stack?.includes(srcFolder)) hooksFromSrc.push(name);
    on(name, ...fns);
  };
}

function check(when: string): void {
  const now = snapshot();
  const changed = [
    ...[...new Set([...before.keys(), ...now.keys()])].filter((key) => !sameDescriptor(before.get(key) ?? '', now.get(key))),
    ...hooksFromSrc.map((name) => `a hook (${name}) registered from src/`),
  ];
  if (changed.length === 0) return;
  throw new Error(
    `${integrityMarker} ${when}, the code under test had changed what the tests rest on: ${changed.slice(0, 5).join(', ')}` +
      `${changed.length > 5 ? ` and ${changed.length - 5} more` : ''}. Leave the test framework, fast-check, built-in prototypes ` +
      'and COURSE_ settings alone; the exercise scores 0 while they are changed.',
  );
}

beforeEach(() => check('before this test'));
afterEach(() => check('after this test'));
afterAll(() => check('at the end of the file'));
