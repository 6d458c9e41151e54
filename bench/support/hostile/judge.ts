// What the hostile run checks on each answer: the documented JSON shape, no 5xx, no token sent back.

import type { RawResponse } from "./raw-http";
import type { HostileCase } from "./types";

export interface Verdict {
  status: number;
  /** The answer is in the API's documented shape (see `inShape`). */
  inShape: boolean;
  /** Node's own HTTP parser answered (no Date header, no body): the request never reached the app. */
  byNode: boolean;
  /** A secret the request carried appears in the answer's headers or body. */
  echoed: boolean;
}

function jsonBody(response: RawResponse): unknown {
  try {
    return JSON.parse(response.body.toString("utf8"));
  } catch {
    return undefined;
  }
}

const isJsonType = (response: RawResponse) => /^application\/([a-z.+-]*\+)?json\b/i.test(response.headers["content-type"] ?? "");

/**
 * The API's contract (README, "API"): every error is `application/json` with `{ error: { code, message } }`
 * (a 405 also names what is allowed in `Allow`); a success is JSON (a bulk cancel's is NDJSON); OPTIONS may be an
 * empty 204 with `Allow`; HEAD carries no body but says JSON in its Content-Type. Anything else is out of shape:
 * HTML, plain text, an empty error, a redirect.
 */
export function inShape(request: HostileCase["request"], response: RawResponse): boolean {
  const { status } = response;
  if (status === 204) return request.method === "OPTIONS" && Boolean(response.headers.allow);
  if (request.method === "HEAD") return status < 300 || isJsonType(response);
  if (status >= 200 && status < 300) {
    if ((response.headers["content-type"] ?? "").startsWith("application/x-ndjson")) return true;
    return isJsonType(response) && jsonBody(response) !== undefined;
  }
  if (status < 400) return false;
  if (!isJsonType(response)) return false;
  const error = (jsonBody(response) as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (typeof error?.code !== "string" || typeof error.message !== "string") return false;
  return status !== 405 || Boolean(response.headers.allow);
}

/** Secrets shorter than this are not looked for (a 3-character "token" would match by chance). */
const MIN_SECRET = 16;

function echoes(kase: HostileCase, response: RawResponse): boolean {
  const answer = response.head + "\n" + response.body.toString("latin1");
  const pieces = kase.secrets.flatMap((secret) => [secret, ...secret.split(".").filter((part) => part.length >= 24)]);
  return pieces.some((piece) => piece.length >= MIN_SECRET && answer.includes(piece.slice(0, 4096)));
}

export function judge(kase: HostileCase, response: RawResponse): Verdict {
  return {
    status: response.status,
    inShape: inShape(kase.request, response),
    byNode: response.headers.date === undefined && response.body.length === 0,
    echoed: echoes(kase, response),
  };
}
