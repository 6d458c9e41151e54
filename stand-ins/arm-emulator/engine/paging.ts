// ARM pages with `nextLink`, an absolute URL carrying `$skipToken` (contract "Endpoints"; not `@odata.nextLink`).
// The token is the last item's order key, so an item changing status between pages is neither repeated nor skipped.

import { ArmError } from "./cloud-error";
import type { ArmCall } from "./types";

const SKIP_TOKEN = "$skipToken";

const encodeToken = (key: string) => Buffer.from(key, "utf8").toString("base64url");

function skipTokenOf(query: URLSearchParams): string | undefined {
  for (const [name, value] of query) if (name.toLowerCase() === SKIP_TOKEN.toLowerCase()) return value;
  return undefined;
}

/** The link to the page after `lastKey`: the same path and options, the skip token replaced. */
function nextLinkFor(call: ArmCall, lastKey: string): string {
  const kept = [...call.query].filter(([name]) => name.toLowerCase() !== SKIP_TOKEN.toLowerCase());
  // `$` stays literal in option names, as ARM writes its links.
  const query = [...kept, [SKIP_TOKEN, encodeToken(lastKey)]].map(([n, v]) => `${n}=${encodeURIComponent(v ?? "")}`).join("&");
  return `${call.origin}${call.path.split("/").map(encodeURIComponent).join("/")}?${query}`;
}

/** One page of `items` (already in `keyOf` order) as `{value, nextLink?}`. */
export function page<T>(call: ArmCall, items: readonly T[], keyOf: (item: T) => string, pageSize: number, render: (item: T) => unknown) {
  const token = skipTokenOf(call.query);
  let after: string | undefined;
  if (token !== undefined) {
    after = Buffer.from(token, "base64url").toString("utf8");
    if (!token || encodeToken(after) !== token.replace(/=+$/, "")) throw new ArmError(400, "InvalidSkipToken", `The skip token '${token}' is not valid.`);
  }
  const rest = after === undefined ? items : items.filter((item) => keyOf(item) > after);
  const shown = rest.slice(0, pageSize);
  const last = shown[shown.length - 1];
  return {
    value: shown.map(render),
    ...(rest.length > pageSize && last !== undefined ? { nextLink: nextLinkFor(call, keyOf(last)) } : {}),
  };
}
