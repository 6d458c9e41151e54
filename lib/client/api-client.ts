import type { GetToken, ResumeAction } from "@/lib/auth/token-request";
import type { Upstream } from "@/lib/errors/app-error";
import { AppError } from "@/lib/errors/app-error";

/** Where each API's token goes: the server reads each from its own header (lib/api/upstream-tokens). */
const TOKEN_HEADERS: Readonly<Record<Upstream, string>> = { graph: "Authorization", arm: "X-ARM-Authorization" };

/**
 * Calls the app's own API with the user's tokens, one per API the call reaches (`upstreams`: Graph's by default).
 * Throws the server's AppError (rebuilt from its JSON body) on any non-2xx answer, so components can switch on
 * `code`. A claims challenge is answered once: a token of the challenging API that satisfies it (which may take the
 * user through a redirect, after which `resume` is redone) and the same call again. So is a token the API rejected
 * (`unauthenticated` naming the upstream: it did nothing with the call): a renewed token, and the call once more.
 */
export async function apiFetch<T>(
  path: string,
  getToken: GetToken,
  init: RequestInit = {},
  resume?: ResumeAction,
  upstreams: readonly Upstream[] = ["graph"],
): Promise<T> {
  const tokens = await tokensFor(upstreams, getToken);
  try {
    return await send<T>(path, tokens, init);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "unauthenticated" && error.upstream) {
      tokens[error.upstream] = await getToken({ audience: error.upstream, forceRefresh: true, resume });
      return send<T>(path, tokens, init);
    }
    if (error.code !== "claims_challenge" || !error.claims) throw error;
    const audience = error.upstream ?? "graph";
    tokens[audience] = await getToken({ claims: error.claims, resume, audience });
    return send<T>(path, tokens, init);
  }
}

/** A token of each API in `upstreams`, side by side (MSAL answers from its cache). */
export async function tokensFor(upstreams: readonly Upstream[], getToken: GetToken): Promise<Partial<Record<Upstream, string>>> {
  const unique = [...new Set(upstreams)];
  const tokens = await Promise.all(unique.map((audience) => getToken(audience === "graph" ? undefined : { audience })));
  return Object.fromEntries(unique.map((audience, index) => [audience, tokens[index]!]));
}

/** The headers that carry the given tokens. */
export function tokenHeaders(tokens: Partial<Record<Upstream, string>>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [audience, token] of Object.entries(tokens) as Array<[Upstream, string | undefined]>) {
    if (token) headers[TOKEN_HEADERS[audience]] = `Bearer ${token}`;
  }
  return headers;
}

async function send<T>(path: string, tokens: Partial<Record<Upstream, string>>, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { ...init.headers, ...tokenHeaders(tokens), Accept: "application/json" },
    });
  } catch {
    throw new AppError("upstream_unavailable", "Request Desk could not be reached. Check your connection.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw AppError.fromResponseBody(response.status, body);
  return body as T;
}
