/**
 * Course-provided: reads the text the test_decoding plugin writes for each change, so that
 * the relay can get on with the lesson (read, publish, confirm). Nothing to do here.
 */

/** One row of `pg_logical_slot_peek_changes` with test_decoding, as decodeChange reads it. */
export type DecodedChange =
  | { kind: 'begin' }
  | { kind: 'commit' }
  | {
      kind: 'insert' | 'update' | 'delete';
      /** `schema.table`, e.g. `public.outbox`. */
      table: string;
      /**
       * The row after the change (for a delete: its key, when the table has one), each
       * value as PostgreSQL prints it (`jsonb` as JSON text, numbers as digits), or null.
       * An unchanged large value of an update is left out.
       */
      columns: Record<string, string | null>;
    }
  | { kind: 'other'; text: string };

/**
 * Decodes one `data` value of test_decoding's output, e.g.
 *
 *     table public.outbox: INSERT: id[bigint]:7 event_id[uuid]:'3f…' payload[jsonb]:'{"id": …}'
 *
 * Each column is `name[type]:value`; text-like values are in single quotes with quotes
 * inside doubled, the way SQL writes literals, so a value may contain spaces, brackets
 * and colons, and the tokenizer reads quoted values whole rather than splitting on spaces.
 */
export function decodeChange(data: string): DecodedChange {
  // With the plugin's default options these carry the transaction id: `COMMIT 754`.
  const marker = /^(BEGIN|COMMIT)(?: \d+)?(?: \(at [^)]*\))?$/.exec(data);
  if (marker) return { kind: marker[1] === 'BEGIN' ? 'begin' : 'commit' };
  const header = /^table ((?:"(?:[^"]|"")*"|[^".]+)\.(?:"(?:[^"]|"")*"|[^":]+)): (INSERT|UPDATE|DELETE):/.exec(data);
  if (!header) return { kind: 'other', text: data };
  const table = header[1]!
    .match(/"(?:[^"]|"")*"|[^".]+/g)!
    .map(unquoteIdentifier)
    .join('.');
  const kind = header[2]!.toLowerCase() as 'insert' | 'update' | 'delete';
  return { kind, table, columns: decodeColumns(data.slice(header[0].length)) };
}

// name[type]:value — the type is read lazily up to the first "]:" so that array types
// (`text[]`) and types with spaces (`timestamp with time zone`) fit.
const columnPattern = /\s*("(?:[^"]|"")*"|[^\s"[]+)\[(.+?)\]:('(?:[^']|'')*'|\S+)/y;
// An update of a table with a replica identity prints the old key first, then the new row.
const sectionPattern = /\s*(old-key:|new-tuple:|\(no-tuple-data\))/y;

function decodeColumns(text: string): Record<string, string | null> {
  let columns: Record<string, string | null> = {};
  let at = 0;
  while (at < text.length && text.slice(at).trim() !== '') {
    sectionPattern.lastIndex = at;
    const section = sectionPattern.exec(text);
    if (section) {
      if (section[1] === 'new-tuple:') columns = {};
      at = sectionPattern.lastIndex;
      continue;
    }
    columnPattern.lastIndex = at;
    const column = columnPattern.exec(text);
    if (!column) throw new Error(`decodeChange cannot read the column at "${text.slice(at, at + 60)}": is the slot using the test_decoding plugin?`);
    at = columnPattern.lastIndex;
    const raw = column[3]!;
    if (raw === 'unchanged-toast-datum') continue;
    columns[unquoteIdentifier(column[1]!)] = raw === 'null' ? null : raw.startsWith("'") ? raw.slice(1, -1).replaceAll("''", "'") : raw;
  }
  return columns;
}

function unquoteIdentifier(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name;
}
