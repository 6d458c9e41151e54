import "server-only";
import type { Upstream } from "@/lib/errors/app-error";
import { AppError } from "@/lib/errors/app-error";

// One token per audience: the browser sends its Graph token as `Authorization` (the header every client and proxy
// knows) and, only on calls that reach Azure Resource Manager, its ARM token as `X-ARM-Authorization`. A Graph
// token is not accepted by ARM nor the reverse, so each goes only where it belongs. The server forwards them
// unchanged and never logs them.
export const UPSTREAM_TOKEN_HEADERS: Readonly<Record<Upstream, string>> = {
  graph: "authorization",
  arm: "x-arm-authorization",
};

const API_NAMES: Readonly<Record<Upstream, string>> = { graph: "Microsoft Graph", arm: "Azure Resource Manager" };

const BEARER = /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/;

/** The bearer token for one upstream, or the app's 401 saying which one is missing. */
export function readUpstreamToken(request: Request, upstream: Upstream): string {
  const header = request.headers.get(UPSTREAM_TOKEN_HEADERS[upstream]);
  if (!header) {
    throw new AppError(
      "unauthenticated",
      upstream === "graph"
        ? "Sign in first: this request carried no access token."
        : `Sign in first: this request carried no ${API_NAMES[upstream]} access token (header X-ARM-Authorization).`,
      { upstream },
    );
  }
  const match = BEARER.exec(header);
  if (!match?.[1] || match[1].length > 16_384) {
    const name = upstream === "graph" ? "Authorization" : "X-ARM-Authorization";
    throw new AppError("unauthenticated", `The ${name} header must be 'Bearer <access token>' (a ${API_NAMES[upstream]} token).`, { upstream });
  }
  return match[1];
}

/** The tokens of every upstream a call needs, read once, before any of them is called. */
export function readUpstreamTokens(request: Request, upstreams: Iterable<Upstream>): Partial<Record<Upstream, string>> {
  const tokens: Partial<Record<Upstream, string>> = {};
  for (const upstream of new Set(upstreams)) tokens[upstream] = readUpstreamToken(request, upstream);
  return tokens;
}

/** The token of an optional upstream: absent is fine (the browser could not get one), malformed is not. */
export function readOptionalUpstreamToken(request: Request, upstream: Upstream): string | undefined {
  return request.headers.has(UPSTREAM_TOKEN_HEADERS[upstream]) ? readUpstreamToken(request, upstream) : undefined;
}
