/**
 * A small checker for mermaid flowchart syntax. The `mermaid` package parses only with a
 * browser DOM, and `@mermaid-js/parser` (the DOM-free one) does not cover flowcharts yet,
 * so this accepts the subset an event graph needs (nodes, labelled edges, subgraphs,
 * styling lines) and names the first line it cannot read.
 */
export interface Flowchart {
  edges: { from: string; to: string; label: string }[];
  nodes: Set<string>;
}

const node = String.raw`([A-Za-z_][\w-]*)(?:\[\[[^\]]*\]\]|\[\([^)]*\)\]|\(\[[^\]]*\]\)|\(\([^)]*\)\)|\[[^\]]*\]|\([^)]*\)|\{[^}]*\}|>[^\]]*\])?`;
const arrow = String.raw`\s*(?:<?(?:-->|---|-\.->|-\.-|==>|===|--x|--o)(?:\|([^|]*)\|)?|--\s+([^-][^>]*?)\s+-->|==\s+([^=][^>]*?)\s+==>|-\.\s+([^.][^>]*?)\s+\.->)\s*`;
const nodeOnly = new RegExp(`^${node}$`);
const firstNode = new RegExp(`^${node}`);
const nextLink = new RegExp(`^${arrow}${node}`);
const keywordLine = /^(subgraph\b.*|end|direction\s+(TB|TD|BT|RL|LR)|classDef\s.+|class\s.+|style\s.+|linkStyle\s.+|click\s.+)$/;

export function parseFlowchart(source: string): Flowchart {
  const lines = source.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('%%'));
  if (!/^(flowchart|graph)(\s+(TB|TD|BT|RL|LR))?;?$/.test(lines[0] ?? '')) {
    throw new Error(`a flowchart starts with "flowchart LR" (or graph, with TB, TD, BT, RL or LR); got "${lines[0] ?? ''}"`);
  }
  const chart: Flowchart = { edges: [], nodes: new Set() };
  let depth = 0;
  for (const raw of lines.slice(1)) {
    const line = raw.replace(/;$/, '');
    if (keywordLine.test(line)) {
      if (line.startsWith('subgraph')) depth += 1;
      if (line === 'end' && --depth < 0) throw new Error('"end" without a "subgraph" before it');
      continue;
    }
    if (nodeOnly.test(line)) {
      chart.nodes.add(nodeOnly.exec(line)![1]!);
      continue;
    }
    const start = firstNode.exec(line);
    if (!start) throw new Error(`cannot read "${raw}": expected a node id such as orders or stock[Stock service]`);
    let from = start[1]!;
    chart.nodes.add(from);
    let rest = line.slice(start[0].length);
    if (rest.trim() === '') throw new Error(`cannot read "${raw}"`);
    while (rest.trim() !== '') {
      const link = nextLink.exec(rest);
      if (!link) throw new Error(`cannot read the link in "${raw}" at "${rest.trim()}": write a -- Label --> b or a -->|Label| b`);
      const to = link[5]!;
      chart.edges.push({ from, to, label: (link[1] ?? link[2] ?? link[3] ?? link[4] ?? '').trim() });
      chart.nodes.add(to);
      from = to;
      rest = rest.slice(link[0].length);
    }
  }
  if (depth !== 0) throw new Error(`${depth} subgraph(s) without an "end"`);
  return chart;
}
