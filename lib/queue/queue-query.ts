import { CATEGORY_SLUGS, type CategorySlug, type PendingRequest, type RequestStage } from "@/lib/requests/pending-request";
import { STAGE_LABELS } from "@/lib/requests/stage-labels";

// Everything that shapes the queue lives in the URL, so a view can be bookmarked or shared. Parsed by hand rather
// than with zod: this runs in the browser, where every kilobyte of the first load counts.
export const SORTABLE_COLUMNS = ["created", "principal", "target", "status", "category"] as const;
export type SortColumn = (typeof SORTABLE_COLUMNS)[number];

export interface QueueQuery {
  view: "mine" | "all" | undefined;
  category: CategorySlug | "all";
  stage: RequestStage | "any";
  q: string;
  principal: string;
  target: string;
  /** Only requests at least this many days old. */
  age: number;
  sort: SortColumn;
  dir: "asc" | "desc";
  closed: "0" | "1";
  raw: "0" | "1";
}

const DEFAULTS: QueueQuery = {
  view: undefined,
  category: "all",
  stage: "any",
  q: "",
  principal: "",
  target: "",
  age: 0,
  sort: "created",
  dir: "asc",
  closed: "0",
  raw: "0",
};

const STAGES = Object.keys(STAGE_LABELS) as RequestStage[];

/**
 * The ages the Age filter offers, in days (0 = any). A hand-edited link with another age falls back to "any", as the
 * filter would otherwise apply an age its control cannot show.
 */
export const AGE_CHOICES = [0, 1, 7, 30, 90] as const;

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function text(value: string | null): string {
  return (value ?? "").slice(0, 200);
}

/** Reads the queue's state from URL parameters; anything unknown or malformed falls back to its default. */
export function parseQueueQuery(params: URLSearchParams): QueueQuery {
  const age = Number(params.get("age"));
  const view = params.get("view");
  return {
    view: view === "mine" || view === "all" ? view : undefined,
    category: oneOf(params.get("category"), ["all", ...CATEGORY_SLUGS] as const, "all"),
    stage: oneOf(params.get("stage"), ["any", ...STAGES] as const, "any"),
    q: text(params.get("q")),
    principal: text(params.get("principal")),
    target: text(params.get("target")),
    age: (AGE_CHOICES as readonly number[]).includes(age) ? age : 0,
    sort: oneOf(params.get("sort"), SORTABLE_COLUMNS, "created"),
    dir: oneOf(params.get("dir"), ["asc", "desc"] as const, "asc"),
    closed: oneOf(params.get("closed"), ["0", "1"] as const, "0"),
    raw: oneOf(params.get("raw"), ["0", "1"] as const, "0"),
  };
}

/** Writes only what differs from the defaults, so a plain dashboard has a plain URL. */
export function queueQueryToParams(query: QueueQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULTS) as Array<keyof QueueQuery>) {
    const value = query[key];
    if (value === undefined || value === DEFAULTS[key]) continue;
    params.set(key, String(value));
  }
  return params;
}

const DAY_MS = 86_400_000;

/** The rows the query lets through, before sorting. Runs on every keystroke: one pass, no allocations per row. */
export function filterQueue(
  rows: readonly PendingRequest[],
  query: QueueQuery,
  keepVisible: ReadonlySet<string>,
  now: number = Date.now(),
): PendingRequest[] {
  const q = query.q.trim().toLowerCase();
  const principal = query.principal.trim().toLowerCase();
  const target = query.target.trim().toLowerCase();
  const cutoff = query.age > 0 ? now - query.age * DAY_MS : Infinity;
  return rows.filter((r) => {
    if (query.category !== "all" && r.category !== query.category) return false;
    if (query.closed === "0" && !r.isOpen && !(keepVisible.size > 0 && keepVisible.has(rowKey(r)))) return false;
    if (query.stage !== "any" && r.stage !== query.stage) return false;
    if (principal && !r.principal.displayName.toLowerCase().includes(principal)) return false;
    if (target && !r.target.displayName.toLowerCase().includes(target)) return false;
    if (cutoff !== Infinity && (!r.createdDateTime || Date.parse(r.createdDateTime) > cutoff)) return false;
    if (q && !searchText(r).includes(q)) return false;
    return true;
  });
}

const searchCache = new WeakMap<PendingRequest, string>();

// Rows are immutable objects from the query cache, so their search text is computed once per object.
function searchText(r: PendingRequest): string {
  let text = searchCache.get(r);
  if (text === undefined) {
    text = [r.principal.displayName, r.target.displayName, r.target.kind, r.justification ?? "", r.status, r.statusDetail ?? "", STAGE_LABELS[r.stage], r.ticket?.number ?? "", r.id]
      .join("\n")
      .toLowerCase();
    searchCache.set(r, text);
  }
  return text;
}

/** A row's identity across categories (ids are only unique within one). */
export function rowKey(r: { category: string; id: string }): string {
  return `${r.category}:${r.id}`;
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

function sortKey(sort: SortColumn, categoryLabel: (slug: CategorySlug) => string): (r: PendingRequest) => string {
  switch (sort) {
    case "created":
      return (r) => r.createdDateTime ?? "";
    case "principal":
      return (r) => r.principal.displayName;
    case "target":
      return (r) => r.target.displayName;
    case "status":
      return (r) => STAGE_LABELS[r.stage];
    // By the words in the column, not the slug ("Azure resource and PIM v2 roles" is governance-role).
    case "category":
      return (r) => categoryLabel(r.category);
  }
}

/**
 * The rows in the query's order. Sorted once per data or sort change, before filtering (which keeps order), so a
 * keystroke in the search box never re-sorts 10,000 rows. Ties keep the oldest first.
 */
export function sortQueue(
  rows: readonly PendingRequest[],
  sort: SortColumn,
  dir: "asc" | "desc",
  categoryLabel: (slug: CategorySlug) => string,
): PendingRequest[] {
  const key = sortKey(sort, categoryLabel);
  const sign = dir === "desc" ? -1 : 1;
  const keyed = rows.map((row) => ({ row, key: key(row), created: row.createdDateTime ?? "" }));
  keyed.sort((a, b) => sign * collator.compare(a.key, b.key) || (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
  return keyed.map((k) => k.row);
}
