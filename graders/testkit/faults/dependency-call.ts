/** One call that code under test made to the outside world, as the crash harness saw it. */
export type DependencyCall =
  | { kind: 'statement'; statement: StatementKind; sql: string; rowCount?: number }
  | { kind: 'publish'; topic: string; messages: number; keys: string[] };

export type StatementKind = 'begin' | 'commit' | 'rollback' | 'select' | 'insert' | 'update' | 'delete' | 'other';

/**
 * Sorts a statement by its leading keyword. The harness only needs to know where a
 * transaction ends and which statements read, so that it can crash at a named place; it
 * never judges the SQL itself (tests judge resulting state).
 */
export function statementKind(sql: string): StatementKind {
  const keyword = sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, '').split(/\s+/, 1)[0]?.toLowerCase() ?? '';
  if (keyword === 'begin' || keyword === 'start') return 'begin';
  if (keyword === 'commit' || keyword === 'end') return 'commit';
  if (keyword === 'rollback' || keyword === 'abort') return 'rollback';
  if (keyword === 'select' || keyword === 'with') return 'select';
  if (keyword === 'insert' || keyword === 'update' || keyword === 'delete') return keyword;
  return 'other';
}
