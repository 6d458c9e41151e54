// RFC 4180: quote fields with commas, quotes or line breaks; a leading =,+,-,@ is neutralised so a spreadsheet
// never runs a name or a justification as a formula.
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A header line of the column names, then one line per row, CRLF-terminated. */
export function toCsv<Row extends Record<keyof Row, string>>(columns: ReadonlyArray<keyof Row & string>, rows: readonly Row[]): string {
  return [columns.join(","), ...rows.map((row) => columns.map((c) => csvField(row[c])).join(","))].join("\r\n") + "\r\n";
}
