import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PracticeContext } from './practice-context.ts';

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2026-03-02T09:00:00.000Z')) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

const exerciseJson = {
  id: '01-demo', title: 'Demo kata', kind: 'kata', concepts: ['events-are-facts'], services: [],
  timeLimitMinutes: 15, repeatUntil: { minutes: 10, description: 'Both halves in under ten minutes.', distinctVariants: 2 },
  points: 5,
  variants: [
    { name: 'whole', description: 'Every file of the kata.' },
    { name: 'answer-only', description: 'Only the answer file.', files: ['answer.ts'], tests: ['answer.test.ts'] },
  ],
  hints: [],
};

export const starterAnswer = "export const answer = (): number => { throw new Error('TODO: answer'); };\n";

export interface CourseFixture {
  root: string;
  ctx: PracticeContext;
  clock: ReturnType<typeof manualClock>;
  write(path: string, text: string): Promise<void>;
  read(path: string): Promise<string>;
  git(...args: string[]): string;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * A one-kata course in a temporary git repository, committed as handed out. `kind: 'course'`
 * has solutions/ (starter from HEAD); `kind: 'learner'` has none (starter from the first commit).
 */
export async function courseFixture(kind: 'course' | 'learner' = 'course', parent = tmpdir()): Promise<CourseFixture> {
  await mkdir(parent, { recursive: true });
  const root = await mkdtemp(join(parent, 'practice-'));
  const write = async (path: string, text: string) => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  };
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, '-c', 'user.name=Fixture', '-c', 'user.email=fixture@course.invalid', ...args], {
      encoding: 'utf8',
    });
  await write('exercises/curriculum.json', JSON.stringify({ module: 'Test module', exercises: ['katas/01-demo'] }));
  await write('exercises/katas/01-demo/README.md', '# Demo\n');
  await write('exercises/katas/01-demo/exercise.json', JSON.stringify(exerciseJson));
  await write('exercises/katas/01-demo/src/answer.ts', starterAnswer);
  await write('exercises/katas/01-demo/src/parts/half.ts', 'export const half = 0;\n');
  await write('exercises/katas/01-demo/answers.md', '# Answers\n\nTODO\n');
  await write('exercises/katas/01-demo/test/answer.test.ts', '// not run here\n');
  if (kind === 'course') await write('solutions/katas/01-demo/src/answer.ts', 'export const answer = (): number => 42;\n');
  git('init', '--quiet');
  git('add', '-A');
  git('commit', '--quiet', '-m', 'as handed out');
  const clock = manualClock();
  return {
    root,
    clock,
    ctx: { root, stateDir: join(root, '.course', 'practice'), now: clock.now, env: {} },
    write,
    read: (path) => readFile(join(root, path), 'utf8'),
    git,
    [Symbol.asyncDispose]: () => rm(root, { recursive: true, force: true }),
  };
}
