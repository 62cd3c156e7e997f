import { describe, expect, it } from 'vitest';
import { answerSections, expectCleanMarkdown, section, tableRows } from '#graders/testkit/harness/answers.ts';
import { choreographyFlows, flowLine } from './support/code-flows.ts';
import { parseFlowchart } from './support/mermaid-flowchart.ts';

// Only claims compared with what the code does earn points: the events table and the graph
// must equal the flows your choreography records. The rest of answers.md (where the state
// lives, the easy bugs, the decision) is for your reflection and your instructor: no points.

const file = new URL('../answers.md', import.meta.url);
const answers = () => answerSections(file);

/** Service names in a cell: `stock`, `payments, shipping`; `none` or a dash for no one. */
const names = (cell: string) =>
  cell.toLowerCase().replaceAll('`', '').split(/[\s,;]+|\band\b/).filter((name) => name && !/^(none|-|—|–|n\/a)$/.test(name));

describe('answers.md, checked against your choreography', () => {
  it('has an Events table that equals the flows your code records: each event, its producers, its consumers', async () => {
    await expectCleanMarkdown(file);
    const rows = tableRows(section(answers(), 'Choreography > Events'));
    const claimed = rows.map(([event = '', producers = '', consumers = '']) =>
      flowLine(event.replaceAll('`', '').trim(), names(producers), names(consumers))).toSorted();
    const { lines } = await choreographyFlows();
    expect(claimed, 'the Events table (Event | Producer | Consumers) must list exactly what your code publishes and ' +
      'subscribes to, one row per event, with the subscriber names your code uses ("none" where no one consumes)').toEqual(lines);
  });

  it('draws the event graph with exactly one edge per producer, event and consumer your code records', async () => {
    await expectCleanMarkdown(file);
    const graph = section(answers(), 'Choreography > Event graph');
    const block = /```mermaid\n([\s\S]*?)```/.exec(graph)?.[1];
    expect(block, 'put the graph in a ```mermaid fenced block').toBeDefined();
    let chart: ReturnType<typeof parseFlowchart> | undefined;
    try {
      chart = parseFlowchart(block!);
    } catch (error) {
      expect.fail(`the mermaid block does not parse: ${(error as Error).message}`);
    }
    const drawn = [...new Set(chart!.edges.map((e) => `${e.from} -- ${e.label.replaceAll('`', '')} --> ${e.to}`))].toSorted();
    const { edges } = await choreographyFlows();
    expect(drawn, 'one edge `producer -- Event --> consumer` per event your code publishes and each service that ' +
      'consumes it; node ids are the subscriber names your code uses').toEqual(edges);
  });
});
