import { AppError } from "@/lib/errors/app-error";

/**
 * Calls the app's own API with the user's token. Throws the server's AppError (rebuilt from its JSON body) on
 * any non-2xx answer, so components can switch on `code`.
 */
export async function apiFetch<T>(path: string, getToken: () => Promise<string>, init: RequestInit = {}): Promise<T> {
  const token = await getToken();
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
