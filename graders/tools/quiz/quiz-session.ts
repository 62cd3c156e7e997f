import type { Item } from '../../grading/quiz/bank.ts';
import { answerHint, choicesOf, judge, rightAnswer } from '../../grading/quiz/answer-check.ts';
import { type QuizState, record } from './quiz-state.ts';

/** Where answers come from and where text goes: a terminal, a pipe or an answers file. */
export interface Prompter {
  /** The next line typed, or undefined at the end of input. */
  ask(prompt: string): Promise<string | undefined>;
  say(text: string): void;
}

export interface SessionResult {
  asked: number;
  answered: number;
  right: number;
  /** True when input ended before the last question. */
  endedEarly: boolean;
}

/** The question as shown: number, concept, prompt, keyed choices, how to answer. */
export function render(item: Item, n: number, of: number): string {
  const lines = [`Question ${n} of ${of} (concept ${item.concept}, ${item.id})`, item.prompt];
  for (const choice of choicesOf(item)) lines.push(`  ${choice.key}) ${choice.text}`);
  lines.push(answerHint(item));
  return lines.join('\n');
}

/** What is shown after an answer: right or not, the right answer, each option's reason, the explanation, the page. */
export function feedback(item: Item, right: boolean): string {
  const lines = [right ? 'Right.' : `Not quite. The answer: ${rightAnswer(item)}`];
  if (item.kind === 'single' || item.kind === 'multiple') for (const o of item.options) lines.push(`  ${o.key}) ${o.reason}`);
  lines.push(item.explanation, `Read more: ${item.source}`);
  return lines.join('\n');
}

/**
 * Asks each item in turn. Input that is no answer is explained and asked again; the end of
 * input stops the paper. Every answer is logged and saved before the next question, so
 * whatever happens later, recorded progress stays.
 */
export async function runPaper(
  items: readonly Item[],
  prompter: Prompter,
  state: QuizState,
  save: (state: QuizState) => Promise<void>,
  logAnswer: (item: Item, typed: string) => Promise<void> = async () => {},
): Promise<SessionResult & { state: QuizState }> {
  let right = 0;
  let answered = 0;
  for (const [i, item] of items.entries()) {
    prompter.say(`\n${render(item, i + 1, items.length)}`);
    for (;;) {
      const typed = await prompter.ask('> ');
      if (typed === undefined) {
        prompter.say(`\nEnd of input after ${answered} of ${items.length} questions. Your answers so far are saved; run the quiz again to go on.`);
        return { asked: items.length, answered, right, endedEarly: true, state };
      }
      const judged = judge(item, typed);
      if (!judged.ok) {
        prompter.say(judged.problem);
        continue;
      }
      answered += 1;
      if (judged.right) right += 1;
      state = record(state, item.id, judged.right);
      // The committed log first: it is the learner's record, the state only orders reviews.
      await logAnswer(item, typed);
      await save(state);
      prompter.say(feedback(item, judged.right));
      break;
    }
  }
  return { asked: items.length, answered, right, endedEarly: false, state };
}
