// A small OData $filter parser and evaluator: eq/ne/gt/ge/lt/le, `in (…)`, and/or/not, parentheses, string,
// number, boolean, null and DateTimeOffset literals, navigation paths like `accessPackage/id`, and `any` over a
// collection of strings (`groupTypes/any(g:g eq 'Unified')`, as Graph documents for groups). Each collection
// declares which properties it filters on (contract §5–7 name them); others are a 400, as in Graph.

import { badRequest } from "./graph-error";

type Literal =
  | { type: "string"; value: string }
  | { type: "number"; value: number }
  | { type: "boolean"; value: boolean }
  | { type: "datetime"; value: string }
  | { type: "null" };

export type CompareOp = "eq" | "ne" | "gt" | "ge" | "lt" | "le";

export type FilterExpr =
  | { kind: "and" | "or"; left: FilterExpr; right: FilterExpr }
  | { kind: "not"; operand: FilterExpr }
  | { kind: "compare"; op: CompareOp; property: string; value: Literal }
  | { kind: "in"; property: string; values: Literal[] }
  /** `property/any(variable: body)`: true when some element of the collection satisfies `body`. */
  | { kind: "any"; property: string; variable: string; body: FilterExpr };

export interface FilterableProperty<R> {
  /** `strings`: a collection of strings (`groupTypes`), filtered with `any` only. */
  type: "string" | "datetime" | "boolean" | "strings";
  get(record: R): unknown;
}
export type FilterableProperties<R> = Readonly<Record<string, FilterableProperty<R>>>;

const TOKEN = /\s*(?:(\()|(\))|(,)|(:)|'((?:[^']|'')*)'|(\d{4}-\d{2}-\d{2}T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_./]*))/y;
type Token = { kind: "(" | ")" | "," | ":" | "string" | "datetime" | "number" | "word"; text: string };
const OPS = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < input.length) {
    if (/^\s*$/.test(input.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(input);
    if (!m) throw badRequest(`Invalid filter clause: syntax error at position ${start} in '${input}'.`);
    if (m[1]) tokens.push({ kind: "(", text: "(" });
    else if (m[2]) tokens.push({ kind: ")", text: ")" });
    else if (m[3]) tokens.push({ kind: ",", text: "," });
    else if (m[4]) tokens.push({ kind: ":", text: ":" });
    else if (m[5] !== undefined) tokens.push({ kind: "string", text: m[5].replace(/''/g, "'") });
    else if (m[6]) tokens.push({ kind: "datetime", text: m[6] });
    else if (m[7]) tokens.push({ kind: "number", text: m[7] });
    else tokens.push({ kind: "word", text: m[8]! });
  }
  return tokens;
}

export function parseFilter(input: string): FilterExpr {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (t: Token | undefined, w: string) => t?.kind === "word" && t.text.toLowerCase() === w;
  const fail = (what: string): never => {
    throw badRequest(`Invalid filter clause: ${what} in '${input}'.`);
  };
  const expect = (kind: Token["kind"]) => (peek()?.kind === kind ? tokens[pos++]! : fail(`expected '${kind}'`));

  const literal = (): Literal => {
    const t = tokens[pos++];
    if (!t) return fail("missing value");
    if (t.kind === "string") return { type: "string", value: t.text };
    if (t.kind === "datetime") return { type: "datetime", value: t.text };
    if (t.kind === "number") return { type: "number", value: Number(t.text) };
    if (isWord(t, "true") || isWord(t, "false")) return { type: "boolean", value: t.text.toLowerCase() === "true" };
    if (isWord(t, "null")) return { type: "null" };
    return fail(`unexpected '${t.text}' where a value was expected`);
  };
  const comparison = (): FilterExpr => {
    const property = tokens[pos++];
    if (property?.kind !== "word") return fail("expected a property name");
    const lambda = /^(.+)\/any$/i.exec(property.text);
    if (lambda && peek()?.kind === "(") {
      pos++;
      const variable = expect("word").text;
      expect(":");
      const body = or();
      expect(")");
      return { kind: "any", property: lambda[1]!, variable, body };
    }
    if (peek()?.kind === "(") return fail(`the function '${property.text}' is not supported`);
    const op = tokens[pos++];
    const opText = op?.kind === "word" ? op.text.toLowerCase() : "";
    if (opText === "in") {
      expect("(");
      const values = [literal()];
      while (peek()?.kind === ",") {
        pos++;
        values.push(literal());
      }
      expect(")");
      return { kind: "in", property: property.text, values };
    }
    if (!OPS.has(opText)) return fail(`unsupported operator '${op?.text ?? ""}'`);
    return { kind: "compare", op: opText as CompareOp, property: property.text, value: literal() };
  };
  const primary = (): FilterExpr => {
    if (isWord(peek(), "not")) {
      pos++;
      return { kind: "not", operand: primary() };
    }
    if (peek()?.kind === "(") {
      pos++;
      const inner = or();
      expect(")");
      return inner;
    }
    return comparison();
  };
  const and = (): FilterExpr => {
    let left = primary();
    while (isWord(peek(), "and")) {
      pos++;
      left = { kind: "and", left, right: primary() };
    }
    return left;
  };
  const or = (): FilterExpr => {
    let left = and();
    while (isWord(peek(), "or")) {
      pos++;
      left = { kind: "or", left, right: and() };
    }
    return left;
  };
  const expr = or();
  if (pos < tokens.length) fail(`unexpected '${tokens[pos]!.text}'`);
  return expr;
}

/** Values of `property eq '…'` clauses reachable through `and` only (what a required filter must contain). */
export function conjunctEquals(expr: FilterExpr | undefined, property: string): string[] {
  if (!expr) return [];
  if (expr.kind === "and") return [...conjunctEquals(expr.left, property), ...conjunctEquals(expr.right, property)];
  if (expr.kind === "compare" && expr.op === "eq" && expr.property.toLowerCase() === property.toLowerCase()) {
    return expr.value.type === "string" ? [expr.value.value] : [];
  }
  return [];
}

function findProperty<R>(props: FilterableProperties<R>, name: string, typeName: string): FilterableProperty<R> {
  const key = Object.keys(props).find((k) => k.toLowerCase() === name.toLowerCase());
  if (key === undefined) {
    throw badRequest(`Invalid filter clause: Could not find a property named '${name}' on type 'microsoft.graph.${typeName}', or it does not support filtering.`);
  }
  return props[key]!;
}

function compare<R>(prop: FilterableProperty<R>, op: CompareOp, literal: Literal, actual: unknown): boolean {
  if (prop.type === "strings") throw badRequest("Invalid filter clause: a collection is filtered with any(), e.g. groupTypes/any(g:g eq 'Unified').");
  if (literal.type === "null") return op === "eq" ? actual == null : op === "ne" ? actual != null : false;
  if (actual == null) return op === "ne";
  let diff: number;
  if (prop.type === "boolean") {
    if (literal.type !== "boolean") throw badRequest("Invalid filter clause: A binary operator with incompatible types was detected.");
    diff = Number(actual) - Number(literal.value);
  } else if (prop.type === "datetime") {
    const wanted = Date.parse(String(literal.value));
    if (Number.isNaN(wanted)) throw badRequest(`Invalid filter clause: '${String(literal.value)}' is not a valid DateTimeOffset.`);
    diff = Date.parse(String(actual)) - wanted;
  } else {
    // Graph compares these strings (statuses, ids, enum members) without regard to case in practice.
    diff = String(actual).toLowerCase().localeCompare(String(literal.value).toLowerCase());
  }
  return { eq: diff === 0, ne: diff !== 0, gt: diff > 0, ge: diff >= 0, lt: diff < 0, le: diff <= 0 }[op];
}

/** Validates property names up front (so an empty collection still answers 400) and returns a predicate. */
export function compileFilter<R>(expr: FilterExpr, props: FilterableProperties<R>, typeName: string): (record: R) => boolean {
  switch (expr.kind) {
    case "and":
    case "or": {
      const left = compileFilter(expr.left, props, typeName);
      const right = compileFilter(expr.right, props, typeName);
      return expr.kind === "and" ? (r) => left(r) && right(r) : (r) => left(r) || right(r);
    }
    case "not": {
      const operand = compileFilter(expr.operand, props, typeName);
      return (r) => !operand(r);
    }
    case "compare": {
      const prop = findProperty(props, expr.property, typeName);
      return (r) => compare(prop, expr.op, expr.value, prop.get(r));
    }
    case "in": {
      const prop = findProperty(props, expr.property, typeName);
      return (r) => expr.values.some((v) => compare(prop, "eq", v, prop.get(r)));
    }
    case "any": {
      const prop = findProperty(props, expr.property, typeName);
      if (prop.type !== "strings") throw badRequest(`Invalid filter clause: any() needs a collection, and '${expr.property}' is not one.`);
      // Inside the lambda the range variable is the element (a string); the outer properties are not in scope.
      const element: FilterableProperties<string> = { [expr.variable]: { type: "string", get: (value) => value } };
      const body = compileFilter(expr.body, element, typeName);
      return (r) => {
        const values = prop.get(r);
        return Array.isArray(values) && values.some((value) => body(String(value)));
      };
    }
  }
}
