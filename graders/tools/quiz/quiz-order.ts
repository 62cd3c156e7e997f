import { clusters, type Item } from '../../grading/quiz/bank.ts';

export interface Selection {
  concept?: number;
  cluster?: number;
  diagnostic?: boolean;
}

/** The items a selection asks for: one concept, one cluster, the diagnostic, or the whole bank. */
export function select(bank: readonly Item[], selection: Selection): Item[] {
  if (selection.diagnostic) return bank.filter((i) => i.diagnostic !== undefined).sort((a, b) => a.diagnostic! - b.diagnostic!);
  if (selection.concept !== undefined) return bank.filter((i) => i.concept === selection.concept);
  if (selection.cluster !== undefined) return bank.filter((i) => clusters[selection.cluster!]!.includes(i.concept));
  return [...bank];
}

/** mulberry32: a small seeded generator, so one seed gives one paper on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates with the seeded generator. */
export function shuffle<T>(list: readonly T[], seed: number): T[] {
  const next = random(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The paper: seeded order, then every item missed last time moved to the front (spaced review). */
export function paper(items: readonly Item[], seed: number, missed: readonly string[]): Item[] {
  const order = shuffle(items, seed).map((item) => present(item, seed));
  return [...order.filter((i) => missed.includes(i.id)), ...order.filter((i) => !missed.includes(i.id))];
}

/**
 * The options of a choice item in a seeded order, relettered a, b, c..., with the answer
 * relettered to match: authors list the right option wherever they like, and the key of the
 * right answer still tells a learner nothing.
 */
export function present(item: Item, seed: number): Item {
  if (item.kind !== 'single' && item.kind !== 'multiple') return item;
  const salt = [...item.id].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
  const shown = shuffle(item.options, (seed ^ salt) >>> 0);
  const newKey = new Map(shown.map((o, i) => [o.key, String.fromCharCode(97 + i)]));
  const options = shown.map((o) => ({ ...o, key: newKey.get(o.key)! }));
  return item.kind === 'single'
    ? { ...item, options, answer: newKey.get(item.answer)! }
    : { ...item, options, answer: item.answer.map((k) => newKey.get(k)!).sort() };
}
