import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../runner/repo-paths.ts';
import { courseSchema, describeSchemaErrors } from '../runner/schema-validator.ts';
import type { Outcome } from './outcome.ts';

export const bankDir = join(repoRoot, 'modules', 'quiz');

interface Base {
  id: string;
  prompt: string;
  explanation: string;
  /** Names the computation in computed.ts whose result must equal `answer`. */
  computed?: string;
  /** The concept page's check-yourself question (1-based) and/or the cluster mastery check (1 to 5) this item asks. */
  from?: { checkYourself?: number; mastery?: number };
  /** The guide's closed-book question this item asks, 1 to 5, for `npm run diagnostic`. */
  diagnostic?: number;
  /** Stamped from the file: every item of a file belongs to its concept and page. */
  concept: number;
  source: string;
}
export interface Option {
  key: string;
  text: string;
  reason: string;
}
export type Item = Base &
  (
    | { kind: 'single'; options: Option[]; answer: string }
    | { kind: 'multiple'; options: Option[]; answer: string[] }
    | { kind: 'ordering'; items: { key: string; text: string }[]; answer: string[] }
    | { kind: 'numeric'; answer: number }
    | { kind: 'predict'; answer: Outcome }
    | { kind: 'classify'; categories: string[]; answer: string }
  );

/** The five clusters of the module guide, as concept numbers. */
export const clusters: Record<number, readonly number[]> = { 1: [1, 2, 3], 2: [4, 5, 6], 3: [7, 8, 9], 4: [10, 11, 12], 5: [13, 14, 15] };

export class BankError extends Error {}

/** Every bank file, parsed and checked against graders/schemas/question-bank.schema.json. */
export function loadBank(dir = bankDir): Item[] {
  const validate = courseSchema('question-bank.schema.json');
  const items: Item[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const file = join(dir, name);
    const data: unknown = parse(readFileSync(file, 'utf8'));
    if (!validate(data)) throw new BankError(`${file} does not match question-bank.schema.json:\n  ${describeSchemaErrors(validate.errors).join('\n  ')}`);
    const bank = data as { concept: number; source: string; items: Omit<Item, 'concept' | 'source'>[] };
    for (const item of bank.items) items.push({ ...item, concept: bank.concept, source: bank.source } as Item);
  }
  return items;
}

/** What the schema cannot say: answers that name real options, orderings that use every key once. */
export function consistencyProblems(item: Item): string[] {
  const problems: string[] = [];
  const keysOf = (list: { key: string }[]) => list.map((o) => o.key);
  const unique = (keys: string[]) => new Set(keys).size === keys.length;
  switch (item.kind) {
    case 'single':
      if (!unique(keysOf(item.options))) problems.push('option keys repeat');
      if (!keysOf(item.options).includes(item.answer)) problems.push(`answer "${item.answer}" is no option`);
      break;
    case 'multiple':
      if (!unique(keysOf(item.options))) problems.push('option keys repeat');
      for (const key of item.answer) if (!keysOf(item.options).includes(key)) problems.push(`answer "${key}" is no option`);
      if (item.answer.length === item.options.length) problems.push('every option is right: nothing to choose');
      break;
    case 'ordering': {
      const keys = keysOf(item.items);
      if (!unique(keys)) problems.push('item keys repeat');
      if (item.answer.length !== keys.length || !keys.every((k) => item.answer.includes(k))) problems.push('answer must list every item key once');
      if (item.answer.every((k, i) => k === keys[i])) problems.push('items are already listed in the right order');
      break;
    }
    case 'classify':
      if (!item.categories.includes(item.answer)) problems.push(`answer "${item.answer}" is no category`);
      break;
    case 'numeric':
    case 'predict':
      break;
  }
  return problems;
}

/** The answer as a learner types it: option keys, a number, or a category. */
export function formatAnswer(item: Item): string {
  return Array.isArray(item.answer) ? item.answer.join('') : String(item.answer);
}
