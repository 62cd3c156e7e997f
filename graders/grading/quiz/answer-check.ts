import type { Item } from './bank.ts';
import { outcomes } from './outcome.ts';

/** The choices shown for an item, keyed a, b, c...: options, or the categories and outcomes as keyed lists. */
export function choicesOf(item: Item): { key: string; text: string }[] {
  switch (item.kind) {
    case 'single':
    case 'multiple':
      return item.options;
    case 'ordering':
      return item.items;
    case 'predict':
      return outcomes.map((text, i) => ({ key: keyAt(i), text }));
    case 'classify':
      return item.categories.map((text, i) => ({ key: keyAt(i), text }));
    case 'numeric':
      return [];
  }
}

const keyAt = (i: number) => String.fromCharCode(97 + i);

/** How to answer, shown under the choices. */
export function answerHint(item: Item): string {
  switch (item.kind) {
    case 'single':
    case 'predict':
    case 'classify':
      return 'Type one key.';
    case 'multiple':
      return 'Type every right key, e.g. "ac".';
    case 'ordering':
      return 'Type the keys in order, e.g. "bdac".';
    case 'numeric':
      return 'Type a whole number.';
  }
}

export type Judged = { ok: true; right: boolean } | { ok: false; problem: string };

/** Reads one typed answer: a clear problem for input that is no answer, or whether it is right. */
export function judge(item: Item, typed: string): Judged {
  const text = typed.trim().toLowerCase();
  if (text === '') return { ok: false, problem: 'Nothing typed. ' + answerHint(item) };
  if (item.kind === 'numeric') {
    if (!/^-?\d+$/.test(text)) return { ok: false, problem: `"${typed.trim()}" is not a whole number. ${answerHint(item)}` };
    return { ok: true, right: Number(text) === item.answer };
  }
  const choices = choicesOf(item);
  const keys = choices.map((c) => c.key);
  // A category or outcome may be typed as its word as well as its key.
  const byWord = choices.find((c) => c.text.toLowerCase() === text);
  const picked = byWord && (item.kind === 'predict' || item.kind === 'classify') ? [byWord.key] : [...text.replace(/[\s,]+/g, '')];
  const unknown = picked.filter((k) => !keys.includes(k));
  if (unknown.length > 0) return { ok: false, problem: `"${unknown.join('')}" is no option here: the keys are ${keys.join(', ')}. ${answerHint(item)}` };
  if (new Set(picked).size !== picked.length) return { ok: false, problem: `A key is repeated in "${typed.trim()}". ${answerHint(item)}` };
  switch (item.kind) {
    case 'single':
    case 'classify':
    case 'predict': {
      if (picked.length !== 1) return { ok: false, problem: `One key only. ${answerHint(item)}` };
      const answerKey = item.kind === 'single' ? item.answer : choices.find((c) => c.text === item.answer)!.key;
      return { ok: true, right: picked[0] === answerKey };
    }
    case 'multiple':
      return { ok: true, right: picked.length === item.answer.length && picked.every((k) => item.answer.includes(k)) };
    case 'ordering':
      if (picked.length !== keys.length) return { ok: false, problem: `Put all ${keys.length} keys in order. ${answerHint(item)}` };
      return { ok: true, right: picked.every((k, i) => k === item.answer[i]) };
  }
}

/** The right answer as a learner would type it, with its words. */
export function rightAnswer(item: Item): string {
  switch (item.kind) {
    case 'numeric':
      return String(item.answer);
    case 'single':
      return `${item.answer}) ${item.options.find((o) => o.key === item.answer)!.text}`;
    case 'multiple':
      return item.answer.join('');
    case 'ordering':
      return item.answer.join('');
    case 'predict':
    case 'classify': {
      const choice = choicesOf(item).find((c) => c.text === item.answer)!;
      return `${choice.key}) ${choice.text}`;
    }
  }
}

/**
 * A judged answer in the bank's own keys: the quiz shows choice options reshuffled and
 * relettered, so the key typed on one paper means another option on the next. The log keeps
 * the bank's keys, so the grader can judge it against the bank alone.
 */
export function inBankKeys(shown: Item, bankItem: Item, typed: string): string {
  const text = typed.trim().toLowerCase();
  if ((shown.kind !== 'single' && shown.kind !== 'multiple') || (bankItem.kind !== 'single' && bankItem.kind !== 'multiple')) return text;
  const keyOfText = new Map(bankItem.options.map((o) => [o.text, o.key]));
  const keys = [...text.replace(/[\s,]+/g, '')].map((k) => keyOfText.get(shown.options.find((o) => o.key === k)?.text ?? '') ?? k);
  return keys.sort().join('');
}
