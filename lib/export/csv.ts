// RFC 4180: quote fields with commas, quotes or line breaks; a leading =, +, -, @, tab or carriage return (OWASP's
// list) is neutralised so a spreadsheet never runs a name or a justification as a formula.
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A header line of the column names, then one line per row, CRLF-terminated. */
export function toCsv<Row extends Record<keyof Row, string>>(columns: ReadonlyArray<keyof Row & string>, rows: readonly Row[]): string {
  return [columns.join(","), ...rows.map((row) => columns.map((c) => csvField(row[c])).join(","))].join("\r\n") + "\r\n";
}

/**
 * The bytes of a CSV download: a UTF-8 byte order mark first, without which Excel reads the file as the local
 * code page and garbles every non-ASCII name ("Zoë", "Łukasz").
 */
export const csvFileBody = (csv: string) => `\uFEFF${csv}`;
