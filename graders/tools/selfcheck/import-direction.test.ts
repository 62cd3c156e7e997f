import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../grading/runner/repo-paths.ts';

/**
 * graders/ has four rooms and imports flow one way: exercises reach only the test kit; the
 * test kit reaches services and schemas; services reach nothing above them (their own tests
 * may use the test kit); grading reaches everything but tools; tools reach everything.
 */
const allowed: Record<string, string[]> = {
  exercises: ['testkit'],
  solutions: ['testkit'],
  testkit: ['services', 'schemas'],
  services: ['schemas'],
  'services (tests)': ['schemas', 'testkit'],
  grading: ['testkit', 'services', 'schemas'],
  tools: ['testkit', 'services', 'schemas', 'grading', 'exercises'],
};

function roomOf(path: string): string | undefined {
  const inGraders = /^graders\/([^/]+)\//.exec(path);
  if (inGraders) return inGraders[1];
  const top = path.split('/')[0];
  return top === 'exercises' || top === 'solutions' ? top : undefined;
}

/** A service's own tests and their helpers (the conformance suite) may use the test kit. */
function isServiceTest(file: string): boolean {
  return file.endsWith('.test.ts') || file.includes('/conformance/');
}

function importsOf(file: string): string[] {
  const source = readFileSync(posix.join(repoRoot, file), 'utf8');
  const targets: string[] = [];
  // Static imports and re-exports start a line; dynamic ones are `import(` calls. Source text
  // that only quotes an import (a fixture written by a test) starts with a quote and is skipped.
  const statements = /^(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(statements)) {
    const specifier = (match[1] ?? match[2] ?? match[3])!;
    if (specifier.startsWith('#graders/')) targets.push(`graders/${specifier.slice('#graders/'.length)}`);
    else if (specifier.startsWith('.')) targets.push(posix.normalize(posix.join(posix.dirname(file), specifier)));
  }
  return targets;
}

function crossings(): string[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'graders', 'exercises', 'solutions'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file.endsWith('.ts') && !file.includes('/fixtures/'));
  const wrong: string[] = [];
  for (const file of files) {
    const from = roomOf(file);
    if (!from) continue;
    const rule = from === 'services' && isServiceTest(file) ? 'services (tests)' : from;
    for (const target of importsOf(file)) {
      const to = roomOf(target);
      if (!to || to === from) continue;
      if (!allowed[rule]?.includes(to)) wrong.push(`${file} imports ${target}: ${rule} may import only ${allowed[rule]?.join(', ') || 'its own room'}`);
    }
  }
  return wrong;
}

describe('the graders/ rooms', () => {
  it('are imported only in the allowed direction', () => {
    expect(crossings()).toEqual([]);
  });

  it('are exactly the rooms the rule names', () => {
    const rooms = execFileSync('git', ['ls-files', 'graders'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n').map((path) => roomOf(path)).filter((room): room is string => room !== undefined);
    expect([...new Set(rooms)].sort()).toEqual(['grading', 'schemas', 'services', 'testkit', 'tools']);
  });
});
