import { describe, expect, it } from 'vitest';
import { statedFigureProblems } from '../../testkit/design/stated-figures.ts';

const design = (figure: string) => `nfrs:\n  - nfr: hot-storage\n    target: 90 days\n    met_by: [store]\n${figure}`;
const hotStorage = (value: number, extra = '') =>
  `    figure: { value: ${value}, unit: TB, from: "capacity.ts:hotStorageTerabytes", args: [50000, 1000, 90]${extra} }\n`;
const model = {
  hotStorageTerabytes: (rate: number, bytes: number, days: number) => (rate * bytes * 86_400 * days) / 1e12,
  storage: () => ({ terabytes: 388.8 }),
  notYet: () => {
    throw new Error('TODO: compute it');
  },
};

describe("design.yaml's stated figures against the learner's capacity model", () => {
  it('accepts a figure the model returns, rounded by up to 0.1%', () => {
    expect(statedFigureProblems(design(hotStorage(388.8)), model, 'hot-storage')).toEqual([]);
    expect(statedFigureProblems(design(hotStorage(389)), model, 'hot-storage')).toEqual([]);
  });

  it('names a figure the model does not return, with both numbers (the copied 35 TB)', () => {
    expect(statedFigureProblems(design(hotStorage(35)), model, 'hot-storage')).toEqual([
      'hot-storage: design.yaml states 35 TB, your hotStorageTerabytes returns 388.8',
    ]);
  });

  it('asks for the figure the kata requires when the design states none', () => {
    expect(statedFigureProblems(design(''), model, 'hot-storage')).toEqual([
      expect.stringMatching(/^hot-storage has no `figure:`/),
    ]);
  });

  it('names a function the model does not export, one that throws, and a field that is not a number', () => {
    const figure = (from: string, field = '') =>
      `    figure: { value: 1, unit: TB, from: "capacity.ts:${from}", args: []${field} }\n`;
    expect(statedFigureProblems(design(figure('hotStorage')), model, 'hot-storage')).toEqual(['hot-storage: src/capacity.ts exports no function hotStorage']);
    expect(statedFigureProblems(design(figure('notYet')), model, 'hot-storage')).toEqual(['hot-storage: your notYet() threw: TODO: compute it']);
    expect(statedFigureProblems(design(figure('storage', ', field: tb')), model, 'hot-storage')).toEqual(['hot-storage: capacity.ts:storage .tb is not a number']);
    expect(statedFigureProblems(design(figure('storage', ', field: terabytes')).replace('value: 1,', 'value: 388.8,'), model, 'hot-storage')).toEqual([]);
  });
});
