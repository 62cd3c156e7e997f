import { describe, expect, it } from 'vitest';
import { formatAnswer } from '../../grading/quiz/bank.ts';
import { judge } from '../../grading/quiz/answer-check.ts';
import { interpretDiagnostic } from './diagnostic.ts';
import { parseQuizArgs, UsageError } from './quiz-args.ts';
import { paper, present, select, shuffle } from './quiz-order.ts';
import { bank, wrongAnswer } from './quiz-fixtures.ts';
import { record } from './quiz-state.ts';

const parse = (...argv: string[]) => parseQuizArgs(argv, '/here', () => 42);

describe('quiz arguments', () => {
  it.each([
    [['--concept', '0'], /--concept takes a whole number from 1 to 15, not "0"/],
    [['--concept', '2.5'], /--concept takes a whole number from 1 to 15/],
    [['--cluster', 'two'], /--cluster takes a whole number from 1 to 5, not "two"/],
    [['--cluster', '6'], /--cluster takes a whole number from 1 to 5, not "6"/],
    [['--seed=-1'], /--seed takes a whole number from 0/],
    [['--concept', '2', '--cluster', '1'], /not both/],
    [['--diagnostic', '--concept', '2'], /drop --concept and --cluster/],
    [['--colour', 'blue'], /Unknown option '--colour'/],
    [['extra'], /positional argument/],
  ])('refuses %j', (argv, message) => {
    expect(() => parse(...argv)).toThrow(UsageError);
    expect(() => parse(...argv)).toThrow(message);
  });

  it('reads paths from where the command was typed and draws a seed when none is given', () => {
    expect(parse('--answers', 'a.txt', '--state', 's.json')).toMatchObject({ answersFile: '/here/a.txt', stateFile: '/here/s.json', seed: 42 });
    expect(parse('--seed', '7', '--cluster', '2')).toMatchObject({ seed: 7, cluster: 2 });
  });
});

describe('papers', () => {
  it('select one concept, one cluster, the diagnostic in the guide\'s order, or the whole bank', () => {
    expect(select(bank, { concept: 9 }).every((i) => i.concept === 9)).toBe(true);
    expect(new Set(select(bank, { cluster: 4 }).map((i) => i.concept))).toEqual(new Set([10, 11, 12]));
    expect(select(bank, { diagnostic: true }).map((i) => i.diagnostic)).toEqual([1, 2, 3, 4, 5]);
    expect(select(bank, {})).toHaveLength(bank.length);
  });

  it('are reproducible from the seed and differ between seeds', () => {
    expect(shuffle(bank, 9).map((i) => i.id)).toEqual(shuffle(bank, 9).map((i) => i.id));
    expect(shuffle(bank, 9).map((i) => i.id)).not.toEqual(shuffle(bank, 10).map((i) => i.id));
    expect(shuffle(bank, 9).map((i) => i.id).sort()).toEqual(bank.map((i) => i.id).sort());
  });

  it('reletter the options of choice items so the right key varies, and keep each option with its reason', () => {
    const singles = paper(bank, 1, []).filter((i) => i.kind === 'single');
    const keys = singles.map((i) => i.answer as string);
    for (const key of new Set(keys)) expect(keys.filter((k) => k === key).length, key).toBeLessThan(keys.length * 0.6);
    for (const item of bank) {
      const shown = present(item, 1);
      expect(judge(shown, formatAnswer(shown)), item.id).toEqual({ ok: true, right: true });
      if (item.kind === 'single' && shown.kind === 'single') {
        expect(shown.options.find((o) => o.key === shown.answer)!.text).toBe(item.options.find((o) => o.key === item.answer)!.text);
      }
    }
  });

  it('put missed items first, keeping the seeded order inside both groups', () => {
    const order = shuffle(bank, 3).map((i) => i.id);
    const missed = [order[50]!, order[7]!];
    expect(paper(bank, 3, missed).map((i) => i.id)).toEqual([order[7], order[50], ...order.filter((id) => !missed.includes(id))]);
  });

  it('take an item off the review list once it is answered right', () => {
    let state = record({ version: 1, missed: [], answered: {} }, 'x', false);
    expect(state.missed).toEqual(['x']);
    state = record(state, 'x', true);
    expect(state).toEqual({ version: 1, missed: [], answered: { x: { right: 1, wrong: 1 } } });
  });
});

describe('answers', () => {
  it('accept the right answer and reject a wrong one for every item of the bank', () => {
    for (const item of bank) {
      expect(judge(item, formatAnswer(item)), item.id).toEqual({ ok: true, right: true });
      expect(judge(item, ` ${formatAnswer(item).toUpperCase()} `), item.id).toEqual({ ok: true, right: true });
      expect(judge(item, wrongAnswer(item)), item.id).toEqual({ ok: true, right: false });
    }
  });

  it('explain input that is no answer instead of marking it wrong', () => {
    const single = bank.find((i) => i.kind === 'single' && i.options.length === 3)!;
    expect(judge(single, 'z')).toEqual({ ok: false, problem: '"z" is no option here: the keys are a, b, c. Type one key.' });
    expect(judge(single, 'ab')).toMatchObject({ ok: false, problem: expect.stringMatching(/One key only/) });
    expect(judge(single, '   ')).toMatchObject({ ok: false, problem: expect.stringMatching(/Nothing typed/) });
    const ordering = bank.find((i) => i.kind === 'ordering')!;
    expect(judge(ordering, 'ab')).toMatchObject({ ok: false, problem: expect.stringMatching(/Put all \d keys in order/) });
    expect(judge(ordering, 'aab')).toMatchObject({ ok: false, problem: expect.stringMatching(/repeated/) });
    const numeric = bank.find((i) => i.kind === 'numeric')!;
    expect(judge(numeric, 'three')).toMatchObject({ ok: false, problem: expect.stringMatching(/not a whole number/) });
    const predict = bank.find((i) => i.kind === 'predict')!;
    expect(judge(predict, 'maybe')).toMatchObject({ ok: false });
  });
});

describe('the diagnostic\'s interpretation (module guide)', () => {
  it.each([
    [5, /ready for the full path/],
    [4, /ready for the full path/],
    [3, /extra time in clusters 2 and 4 \(outbox and saga\)/],
    [2, /extra time in clusters 2 and 4/],
    [1, /Revisit Semester 7 Module 2 .* Semester 6 Module 3/],
    [0, /Revisit Semester 7 Module 2/],
  ])('%i solid answers: %s', (solid, verdict) => {
    expect(interpretDiagnostic(solid)).toMatch(verdict);
  });
});
