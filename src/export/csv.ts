/** Excel opens a CSV as UTF-8 only when it starts with a byte order mark. */
const BOM = '\uFEFF';

/** What a spreadsheet would read as the start of a formula (or a DDE call): = + - @ tab, carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: text a spreadsheet could run as a formula is prefixed with `'`; a cell holding a
 * comma, a quote or a line break is quoted, its quotes doubled (RFC 4180).
 */
export function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file: a header row, then one row per record, CRLF line ends (RFC 4180), with a BOM for Excel. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
