import "server-only";
import type { GraphCall, GraphVersion } from "@/lib/categories/category-definition";
import { serverEnv } from "@/lib/config/server-env";

export function graphRoot(version: GraphVersion): string {
  return `${serverEnv().GRAPH_BASE_URL.replace(/\/+$/, "")}/${version}`;
}

export function buildGraphUrl(call: GraphCall): string {
  const url = new URL(`${graphRoot(call.version)}${call.path}`);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}

/** The path relative to the version root, as `$batch` items want it ("/groups?$select=id"). */
export function batchRelativeUrl(call: GraphCall): string {
  const absolute = new URL(buildGraphUrl(call));
  return absolute.pathname.slice(`/${call.version}`.length) + absolute.search;
}

/**
 * A link Graph handed back (`@odata.nextLink`) is only followed (or its paging options put in a cursor) when it
 * points at the same Graph host, version and collection the plan named: the user's token must never go to another
 * host, nor to a path the user did not mean. Client cursors carry no link at all (lib/upstreams/cursor).
 */
export function isLinkWithin(link: string, expected: GraphCall): boolean {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  const base = new URL(graphRoot(expected.version));
  const expectedPath = new URL(buildGraphUrl({ ...expected, query: {} })).pathname;
  // A malformed escape ("%E0%A4%A") is no link of ours: refused, not an exception.
  const decoded = safeDecode(url.pathname);
  return url.origin === base.origin && decoded !== null && decoded === safeDecode(expectedPath);
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * A link Graph handed back, as a call `$batch` can carry (batch items take paths relative to the version root).
 * Only for links `isLinkWithin(link, expected)` accepted; keeps the expected call's version and tag.
 */
export function callForLink(link: string, expected: GraphCall): GraphCall {
  const url = new URL(link);
  const rootPath = new URL(graphRoot(expected.version)).pathname.replace(/\/+$/, "");
  return {
    ...expected,
    path: url.pathname.slice(rootPath.length),
    query: Object.fromEntries(url.searchParams),
  };
}
