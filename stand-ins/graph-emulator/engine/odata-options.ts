// System query options: $filter, $select, $expand (with nested `name($select=…;$expand=…)`), $top, $skiptoken,
// $count. Beta accepts them without the `$` too (Graph docs: "on the beta endpoint, the $ prefix is optional").

import type { GraphVersion } from "../model";
import { badRequest } from "./graph-error";
import { parseFilter, type FilterExpr } from "./odata-filter";

export interface ExpandItem {
  name: string;
  select?: string[];
  expand?: ExpandItem[];
}

export interface QueryOptions {
  filter?: FilterExpr;
  select?: string[];
  expand?: ExpandItem[];
  top?: number;
  skiptoken?: string;
  count: boolean;
}

const SUPPORTED = new Set(["filter", "select", "expand", "top", "skiptoken", "count"]);

/** Splits on `separator` outside parentheses and quotes. */
export function splitTopLevel(input: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of input) {
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") depth--;
    if (ch === separator && depth === 0 && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  if (depth !== 0) throw badRequest(`Unbalanced parentheses in '${input}'.`);
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function parseSelect(value: string): string[] {
  const names = splitTopLevel(value, ",");
  if (names.length === 0) throw badRequest("The $select query option must name at least one property.");
  return names;
}

export function parseExpand(value: string): ExpandItem[] {
  return splitTopLevel(value, ",").map((part) => {
    const m = /^([A-Za-z_*][A-Za-z0-9_]*)(?:\((.*)\))?$/s.exec(part);
    if (!m) throw badRequest(`Parsing OData Select and Expand failed: syntax error in '${part}'.`);
    const item: ExpandItem = { name: m[1]! };
    for (const option of splitTopLevel(m[2] ?? "", ";")) {
      const eq = option.indexOf("=");
      const key = option.slice(0, eq).trim().replace(/^\$/, "").toLowerCase();
      const optionValue = option.slice(eq + 1);
      if (eq < 0 || (key !== "select" && key !== "expand")) {
        throw badRequest(`Parsing OData Select and Expand failed: the nested option '${option}' is not supported.`);
      }
      if (key === "select") item.select = parseSelect(optionValue);
      else item.expand = parseExpand(optionValue);
    }
    return item;
  });
}

export function readQueryOptions(query: URLSearchParams, version: GraphVersion): QueryOptions {
  const values = new Map<string, string>();
  for (const [rawKey, value] of query) {
    const key = rawKey.toLowerCase();
    const name = key.startsWith("$") ? key.slice(1) : version === "beta" && SUPPORTED.has(key) ? key : null;
    if (name === null) continue; // Graph ignores custom (non-system) query parameters.
    if (!SUPPORTED.has(name)) throw badRequest(`Query option '$${name}' is not supported by this API.`);
    if (!values.has(name)) values.set(name, value);
  }
  const options: QueryOptions = { count: values.get("count")?.toLowerCase() === "true" };
  const filter = values.get("filter");
  if (filter !== undefined) {
    if (!filter.trim()) throw badRequest("The $filter query option must not be empty.");
    options.filter = parseFilter(filter);
  }
  const select = values.get("select");
  if (select !== undefined) options.select = parseSelect(select);
  const expand = values.get("expand");
  if (expand !== undefined) options.expand = parseExpand(expand);
  const top = values.get("top");
  if (top !== undefined) {
    if (!/^\d+$/.test(top) || Number(top) < 1) throw badRequest(`Invalid value '${top}' for the $top query option.`);
    options.top = Number(top);
  }
  const skiptoken = values.get("skiptoken");
  if (skiptoken !== undefined) options.skiptoken = skiptoken;
  return options;
}
