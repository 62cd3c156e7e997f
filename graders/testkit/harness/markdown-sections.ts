/**
 * A Markdown answers file as a map from heading path (`Failure modes > Broker rejects`) to
 * the text under it. Exercises fix their headings, and markdownlint keeps them ATX-style,
 * so splitting on `##`/`###` lines (outside code fences) is all the parsing needed.
 */
export function markdownSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  const path: string[] = [];
  let body: string[] = [];
  let inFence = false;
  const flush = () => {
    if (path.length > 0) sections.set(path.join(' > '), body.join('\n').trim());
    body = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    const heading = inFence ? null : /^(#{2,3})\s+(.+?)\s*$/.exec(line);
    if (!heading) {
      body.push(line);
      continue;
    }
    flush();
    const level = heading[1]!.length - 2;
    path.length = level;
    path[level] = heading[2]!;
  }
  flush();
  return sections;
}
