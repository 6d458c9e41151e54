// Small helpers for the routes this provider answers itself (outside oidc-provider): bounded body reading and
// HTML / JSON responses with the same safety headers everywhere.

import type http from "node:http";

import { NO_SCRIPT_CSP } from "./pages";

const MAX_BODY_BYTES = 64 * 1024;

/** Thrown by readBody past 64 KiB; the request handler answers 413. */
export class BodyTooLarge extends Error {}

export async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function isFormRequest(req: http.IncomingMessage): boolean {
  return (req.headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
}

export function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": NO_SCRIPT_CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  });
  res.end(html);
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...extraHeaders,
  });
  res.end(JSON.stringify(body));
}

/** A 303 to `url` (an absolute address the caller has already checked). */
export function redirect(res: http.ServerResponse, url: string): void {
  res.writeHead(303, { location: url, "cache-control": "no-store", "referrer-policy": "no-referrer" });
  res.end();
}
