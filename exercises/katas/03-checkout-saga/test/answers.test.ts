import { describe, expect, it } from 'vitest';
import { checkoutWorkflow } from '#graders/testkit/sagas/workflows.ts';
import { answerSections, expectFinishedAnswers, section, sentences, tableRows } from '#graders/testkit/harness/answers.ts';
import { parseFlowchart } from './support/mermaid-flowchart.ts';
import { runSagas } from './support/saga-run.ts';
import { sagaTestTitles } from './support/test-titles.ts';

const answers = () => answerSections(new URL('../answers.md', import.meta.url));
const words = (cell: string) => cell.toLowerCase().match(/[a-z0-9-]+/g) ?? [];

describe('answers.md', () => {
  it('is finished: no TODO left, and clean by the course\'s markdownlint rules', async () => {
    await expectFinishedAnswers(new URL('../answers.md', import.meta.url));
  });
});

describe('answers.md, choreography', () => {
  it('draws the event graph as a mermaid flowchart that parses', () => {
    const graph = section(answers(), 'Choreography > Event graph');
    const block = /```mermaid\n([\s\S]*?)```/.exec(graph)?.[1];
    expect(block, 'put the graph in a ```mermaid fenced block').toBeDefined();
    let chart: ReturnType<typeof parseFlowchart> | undefined;
    try {
      chart = parseFlowchart(block!);
    } catch (error) {
      expect.fail(`the mermaid block does not parse: ${(error as Error).message}`);
    }
    expect(chart!.edges.length, 'the graph needs edges: producer -- Event --> consumer').toBeGreaterThan(0);
    expect(block, `the graph starts where the saga starts: ${checkoutWorkflow.started}`).toContain(checkoutWorkflow.started);
  });

  it('lists every event the code publishes or consumes, with its real producer and consumers', async () => {
    const rows = tableRows(section(answers(), 'Choreography > Events'));
    // One saga per failing step and one that succeeds: every event of the code shows up.
    const sagas = [{ sagaId: 'o0' }, ...checkoutWorkflow.steps.map((s, i) => ({ sagaId: `o${i + 1}`, failAt: s.step }))];
    const run = await runSagas('choreography', checkoutWorkflow, sagas, []);
    for (const [event, { producers, consumers }] of run.bus.flows()) {
      const row = rows.find((cells) => cells[0]?.replaceAll('`', '') === event);
      expect(row, `the Events table has no row for ${event} (columns: Event | Producer | Consumers)`).toBeDefined();
      for (const producer of producers) {
        expect(words(row![1] ?? ''), `${event}: the code's producer is ${producer}`).toContain(producer.toLowerCase());
      }
      for (const consumer of consumers) {
        expect(words(row![2] ?? ''), `${event}: ${consumer} consumes it in the code`).toContain(consumer.toLowerCase());
      }
    }
  });

  it('says where the workflow state lives', () => {
    expect(sentences(section(answers(), 'Choreography > Where the state lives')).length,
      'one or two sentences of your own').toBeGreaterThanOrEqual(1);
  });

  it('names the two easy bugs, each with the test that catches it', () => {
    const bugs = section(answers(), 'Choreography > Easy bugs');
    const known = sagaTestTitles(checkoutWorkflow);
    for (const bug of ['Ghost orders', 'Missed compensation']) {
      // One list item per bug; an item may wrap onto indented lines.
      const items = bugs.split(/\n(?=\s*[-*]\s)/).map((item) => item.replace(/\s+/g, ' '));
      const entry = items.find((item) => item.toLowerCase().includes(bug.toLowerCase()));
      expect(entry, `Easy bugs needs a line about "${bug}"`).toBeDefined();
      expect(known.some((title) => entry!.includes(title)),
        `"${bug}" must quote the test that catches it, one of:\n  ${known.join('\n  ')}`).toBe(true);
    }
  });
});

describe('answers.md, orchestration and decision', () => {
  it('notes two operational dependencies of the orchestrator', () => {
    const items = section(answers(), 'Orchestration > Operational dependencies').split('\n').filter((l) => /^\s*([-*]|\d+\.)\s+\S/.test(l));
    expect(items.length, 'list at least two dependencies as list items').toBeGreaterThanOrEqual(2);
  });

  it('picks one version', () => {
    const pick = section(answers(), 'Decision > Pick').toLowerCase();
    const named = ['choreography', 'orchestration'].filter((v) => pick.includes(v));
    expect(named, 'Pick names exactly one of choreography or orchestration').toHaveLength(1);
  });

  it('defends the pick in three sentences', () => {
    const defense = sentences(section(answers(), 'Decision > Defense'));
    expect(defense.length, `the defense has ${defense.length} sentences; write exactly three`).toBe(3);
  });

  it('names a stakeholder who would push back, and the counter-argument', () => {
    const pushback = section(answers(), 'Decision > Pushback');
    expect(/\*\*[^*]+\*\*/.test(pushback), 'put the stakeholder in bold, e.g. **the payments team lead**').toBe(true);
    expect(sentences(pushback).length, 'their objection and your counter-argument: two sentences at least').toBeGreaterThanOrEqual(2);
  });
});
