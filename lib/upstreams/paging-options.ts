import "server-only";

/** The paging options of an upstream's next link, as spelled there: `[["$skiptoken", "…"]]`. */
export type PagingOptions = ReadonlyArray<readonly [name: string, value: string]>;

/**
 * The options a next link may carry that the app cannot rebuild itself, by upstream (lower case): Graph pages with
 * `$skiptoken` (or `$skip`) and may repeat `$top`; ARM with `$skipToken`. Everything else in a next link (the path,
 * `$filter`, `$expand`, `api-version`, the host) the server takes from the category module, never from a cursor.
 */
export const PAGING_OPTION_NAMES = {
  graph: ["$skiptoken", "$skip", "$top"],
  arm: ["$skiptoken", "$top"],
} as const;

/** An option that says where the next page starts; `$top` alone would only read the first page again. */
const CONTINUATION = new Set(["$skiptoken", "$skip"]);

export type PagingUpstream = keyof typeof PAGING_OPTION_NAMES;

/**
 * The paging options of an upstream's next link, or undefined when it has none that continues the list (such a
 * link cannot be turned into a cursor: rebuilt without it, it would start the list over).
 */
export function pagingOptionsOf(link: string, upstream: PagingUpstream): PagingOptions | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  const allowed: readonly string[] = PAGING_OPTION_NAMES[upstream];
  const options = [...url.searchParams].filter(([name]) => allowed.includes(name.toLowerCase()));
  const names = options.map(([name]) => name.toLowerCase());
  // Twice the same option is no link Graph or ARM writes; which one the upstream would read is anyone's guess.
  if (new Set(names).size !== names.length || !names.some((name) => CONTINUATION.has(name))) return undefined;
  return options.map(([name, value]) => [name, value] as const);
}
