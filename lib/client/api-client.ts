import type { GetToken, ResumeAction } from "@/lib/auth/token-request";
import { AppError } from "@/lib/errors/app-error";

/**
 * Calls the app's own API with the user's token. Throws the server's AppError (rebuilt from its JSON body) on
 * any non-2xx answer, so components can switch on `code`. A claims challenge is answered once: a token that
 * satisfies it (which may take the user through a redirect, after which `resume` is redone) and the same call again.
 */
export async function apiFetch<T>(path: string, getToken: GetToken, init: RequestInit = {}, resume?: ResumeAction): Promise<T> {
  try {
    return await send<T>(path, await getToken(), init);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "claims_challenge" || !error.claims) throw error;
    return send<T>(path, await getToken({ claims: error.claims, resume }), init);
  }
}

async function send<T>(path: string, token: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { ...init.headers, Authorization: `Bearer ${token}`, Accept: "application/json" },
    });
  } catch {
    throw new AppError("upstream_unavailable", "Request Desk could not be reached. Check your connection.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw AppError.fromResponseBody(response.status, body);
  return body as T;
}
