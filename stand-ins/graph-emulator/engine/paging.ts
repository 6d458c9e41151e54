// Server-driven paging (contract §8.4): at most pageSize items (or $top, if smaller) per page, in a stable order
// (createdDateTime, then id), with an absolute @odata.nextLink that repeats every original query option plus a
// $skiptoken. The token is the last item's sort key, so cancelling or adding items between pages never makes the
// client see an item twice or skip one that existed throughout.

import { badRequest } from "./graph-error";
import type { GraphCall } from "./types";

export interface Pageable {
  id: string;
  createdDateTime: string;
}

export function byCreatedThenId(a: Pageable, b: Pageable): number {
  return a.createdDateTime < b.createdDateTime ? -1 : a.createdDateTime > b.createdDateTime ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function decodeSkiptoken(token: string): Pageable {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
      return { createdDateTime: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the 400 below
  }
  throw badRequest("The $skiptoken value is not valid. Follow @odata.nextLink exactly as returned.");
}

export interface Page<T> {
  items: T[];
  skiptoken?: string;
}

/** `items` must be sorted with byCreatedThenId. */
export function takePage<T extends Pageable>(items: readonly T[], options: { top?: number; skiptoken?: string }, pageSize: number): Page<T> {
  let start = 0;
  if (options.skiptoken !== undefined) {
    const after = decodeSkiptoken(options.skiptoken);
    start = items.findIndex((item) => byCreatedThenId(item, after) > 0);
    if (start < 0) start = items.length;
  }
  const size = Math.max(1, Math.min(options.top ?? pageSize, pageSize));
  const page = items.slice(start, start + size);
  const last = page[page.length - 1];
  if (!last || start + size >= items.length) return { items: page };
  return { items: page, skiptoken: Buffer.from(JSON.stringify([last.createdDateTime, last.id])).toString("base64url") };
}

/** The same origin, path and query options the client sent, with $skiptoken replaced. */
export function nextLink(call: GraphCall, skiptoken: string): string {
  const kept = call.rawQuery
    .split("&")
    .filter((part) => part.length > 0)
    .filter((part) => {
      const key = decodeURIComponent(part.split("=")[0]!.replace(/\+/g, " ")).toLowerCase();
      return key !== "$skiptoken" && key !== "skiptoken";
    });
  kept.push(`$skiptoken=${skiptoken}`);
  return `${call.origin}/${call.version}${call.rawPath}?${kept.join("&")}`;
}

export function contextUrl(call: GraphCall, fragment: string): string {
  return `${call.origin}/${call.version}/$metadata#${fragment}`;
}

/** A collection response body: @odata.context, @odata.count (first page, when asked), @odata.nextLink, value. */
export function collectionBody(
  call: GraphCall,
  fragment: string,
  values: unknown[],
  page: { skiptoken?: string; count?: number },
): Record<string, unknown> {
  return {
    "@odata.context": contextUrl(call, fragment),
    ...(page.count !== undefined ? { "@odata.count": page.count } : {}),
    ...(page.skiptoken !== undefined ? { "@odata.nextLink": nextLink(call, page.skiptoken) } : {}),
    value: values,
  };
}
