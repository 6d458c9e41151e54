import "server-only";
import { createHash } from "node:crypto";
import type { Upstream } from "@/lib/errors/app-error";
import { abuseLimits, type AbuseLimits } from "./abuse-limits";
import { clientAddress } from "./client-address";
import { RetryLaterError } from "./retry-later-error";
import { readUpstreamToken, readUpstreamTokens, UPSTREAM_TOKEN_HEADERS } from "./upstream-tokens";

export interface AdmittedCaller {
  /**
   * Who the caller is for the per-user limits: the SHA-256 of the bearer token. Not the token's `oid`: the app
   * does not verify Graph tokens (Graph does), so any claim in one is the caller's own say-so.
   */
  key: string;
  /** The token of each upstream the call needs (a 401 naming the one that is missing). */
  tokensFor(upstreams: Iterable<Upstream>): Partial<Record<Upstream, string>>;
}

/**
 * The cheap refusals of every /api route that acts for a user, in order, before a byte of the body is read:
 * the per-address rate limit (429), a bearer token present and well-formed (401), the per-user rate limit (429).
 * Each step costs less than the next, so a flood without a token never reaches the body reader, and one with
 * made-up tokens is still bounded by its address.
 */
export function admitCaller(request: Request, limits: AbuseLimits = abuseLimits()): AdmittedCaller {
  const address = clientAddress(request.headers, limits.trustedProxyHops);
  refuseIfLimited(limits.perAddress.take(address), "from this address");
  // The Graph token identifies the user on every call the UI makes; an ARM-only caller is known by its ARM token.
  const upstream: Upstream = request.headers.has(UPSTREAM_TOKEN_HEADERS.arm) && !request.headers.has(UPSTREAM_TOKEN_HEADERS.graph) ? "arm" : "graph";
  const key = createHash("sha256").update(readUpstreamToken(request, upstream)).digest("base64url");
  refuseIfLimited(limits.perCaller.take(key), "for this sign-in");
  return { key, tokensFor: (upstreams) => readUpstreamTokens(request, upstreams) };
}

function refuseIfLimited(result: { allowed: true } | { allowed: false; retryAfterSeconds: number }, who: string): void {
  if (result.allowed) return;
  throw new RetryLaterError("rate_limited", `Too many requests ${who}; try again in ${result.retryAfterSeconds} s.`, result.retryAfterSeconds);
}
