import { readFile } from "node:fs/promises";

/** A downloaded CSV file as Excel would read it: whether it starts with the UTF-8 mark, then its rows of fields. */
export async function readCsvDownload(path: string): Promise<{ byteOrderMark: boolean; rows: string[][] }> {
  const text = await readFile(path, "utf8");
  const byteOrderMark = text.startsWith("\uFEFF");
  return { byteOrderMark, rows: parseCsv(byteOrderMark ? text.slice(1) : text) };
}

/** RFC 4180: fields split on commas, quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += char;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}
