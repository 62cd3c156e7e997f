import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Item, loadBank } from '../../grading/quiz/bank.ts';
import { paper, present, select, type Selection } from './quiz-order.ts';

export const cli = new URL('./cli.ts', import.meta.url).pathname;
export const bank = loadBank();

/** Runs the quiz as `npm run quiz` would, with stdin from `input`. */
export const quiz = (args: string[], input = '') =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { input, encoding: 'utf8', timeout: 120_000 });

export const scratch = () => mkdtemp(join(tmpdir(), 'quiz-cli-'));

/** The paper the CLI will ask for this selection, seed and list of missed items. */
export const expectedPaper = (selection: Selection, seed: number, missed: string[] = []): Item[] =>
  selection.diagnostic ? select(bank, selection).map((item) => present(item, seed)) : paper(select(bank, selection), seed, missed);

/** A wrong but well-formed answer to an item. */
export function wrongAnswer(item: Item): string {
  switch (item.kind) {
    case 'numeric':
      return String(item.answer + 1);
    case 'ordering':
      return [...item.answer].reverse().join('');
    case 'single':
      return item.options.find((o) => o.key !== item.answer)!.key;
    case 'multiple':
      return item.options.find((o) => !item.answer.includes(o.key))!.key;
    case 'predict':
      return ['lost', 'duplicated', 'neither'].find((w) => w !== item.answer)!;
    case 'classify':
      return item.categories.find((c) => c !== item.answer)!;
  }
}

export async function answersFile(dir: string, lines: string[]): Promise<string> {
  const file = join(dir, 'answers.txt');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * Runs the quiz in a real pseudo-terminal through util-linux `script`, typing each answer
 * only after the quiz has printed its prompt, then Ctrl-D. Resolves with everything the
 * terminal showed and the exit code.
 */
export function inTerminal(args: string[], typed: string[]): Promise<{ screen: string; code: number | null }> {
  const command = [process.execPath, '--import', 'tsx', cli, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let screen = '';
  let prompts = 0;
  const queue = [...typed, '\u0004'];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    screen += chunk;
    // Each "> " is the quiz waiting for a line: type the next one (Ctrl-D at the end).
    const seen = screen.split('\n> ').length - 1 + (screen.startsWith('> ') ? 1 : 0);
    while (prompts < seen && queue.length > 0) {
      prompts += 1;
      const next = queue.shift()!;
      child.stdin.write(next === '\u0004' ? next : `${next}\r`);
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ screen, code }));
  });
}
