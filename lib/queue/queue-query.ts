import { z } from "zod";
import { CATEGORY_SLUGS, type PendingRequest, type RequestStage } from "@/lib/requests/pending-request";
import { STAGE_LABELS } from "@/lib/requests/stage-labels";

// Everything that shapes the queue lives in the URL, so a view can be bookmarked or shared.
export const SORTABLE_COLUMNS = ["created", "principal", "target", "status", "category"] as const;
export type SortColumn = (typeof SORTABLE_COLUMNS)[number];

const stages = Object.keys(STAGE_LABELS) as [RequestStage, ...RequestStage[]];

const queueQuerySchema = z.object({
  view: z.enum(["mine", "all"]).optional().catch(undefined),
  category: z.enum(["all", ...CATEGORY_SLUGS]).catch("all"),
  stage: z.enum(["any", ...stages]).catch("any"),
  q: z.string().max(200).catch(""),
  principal: z.string().max(200).catch(""),
  target: z.string().max(200).catch(""),
  /** Only requests at least this many days old. */
  age: z.coerce.number().int().min(0).max(3650).catch(0),
  sort: z.enum(SORTABLE_COLUMNS).catch("created"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  closed: z.enum(["0", "1"]).catch("0"),
  raw: z.enum(["0", "1"]).catch("0"),
});

export type QueueQuery = z.infer<typeof queueQuerySchema>;

const DEFAULTS: QueueQuery = queueQuerySchema.parse({});

/** Reads the queue's state from URL parameters; anything unknown or malformed falls back to its default. */
export function parseQueueQuery(params: URLSearchParams): QueueQuery {
  const raw = Object.fromEntries([...params].filter(([key]) => key in queueQuerySchema.shape));
  return queueQuerySchema.parse({ ...raw, q: raw.q ?? "", principal: raw.principal ?? "", target: raw.target ?? "" });
}

/** Writes only what differs from the defaults, so a plain dashboard has a plain URL. */
export function queueQueryToParams(query: QueueQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === DEFAULTS[key as keyof QueueQuery]) continue;
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
    if (query.closed === "0" && !r.isOpen && !keepVisible.has(rowKey(r))) return false;
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
export function rowKey(r: Pick<PendingRequest, "category" | "id">): string {
  return `${r.category}:${r.id}`;
}
