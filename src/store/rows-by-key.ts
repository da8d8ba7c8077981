/** Ids per IN list: well under SQLite's and PostgreSQL's limits on bound parameters. */
const IDS_PER_QUERY = 500;

/**
 * Rows for many ids, read with one query per 500 ids instead of one per id, grouped by the id
 * they belong to (every id asked for has an entry, empty when it has no rows). `read` gets a
 * non-empty list of distinct ids and keeps its own row order within each id.
 */
export async function rowsByKey<Row>(ids: readonly string[], read: (ids: readonly string[]) => Promise<readonly Row[]>, keyOf: (row: Row) => string): Promise<Map<string, Row[]>> {
  const distinct = [...new Set(ids)];
  const grouped = new Map<string, Row[]>(distinct.map((id) => [id, []]));
  for (let start = 0; start < distinct.length; start += IDS_PER_QUERY) {
    for (const row of await read(distinct.slice(start, start + IDS_PER_QUERY))) grouped.get(keyOf(row))?.push(row);
  }
  return grouped;
}

/** Each list of rows as what the caller keeps of it. */
export function mapValues<Row, Value>(grouped: ReadonlyMap<string, Row[]>, convert: (rows: Row[]) => Value): Map<string, Value> {
  return new Map([...grouped].map(([id, rows]) => [id, convert(rows)]));
}
