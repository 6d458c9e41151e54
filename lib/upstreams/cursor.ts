import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { CategorySlug, RequestView } from "@/lib/requests/pending-request";
import { AppError } from "@/lib/errors/app-error";
import { cursorKey } from "./cursor-key";
import type { PagingOptions } from "./paging-options";

// A list cursor carries only what the server cannot rebuild: which of the plan's sources the next page comes from
// and the upstream's paging options ($skiptoken, …), plus when it expires. The path, the filter and the host come
// from the category module each time (lib/graph/list-requests, lib/arm/list-requests), so no cursor can change
// what is asked, or of whom. It is sealed with HMAC-SHA-256 over the payload and what it is bound to (category,
// view and caller), which are not in the payload: a cursor used for another of them fails its seal.
//
// Form: `<payload, base64url JSON>.<HMAC, base64url>`. Not encrypted: the browser sees the same rows the skip
// token stands for.

/** How long a cursor may be followed: enough to page a long list, short enough that a leaked one soon dies. */
export const CURSOR_TTL_MS = 15 * 60_000;
/** Longer cursors are refused unread (the upstreams' skip tokens are a few hundred characters). */
export const MAX_CURSOR_LENGTH = 8_192;

const DOMAIN = "request-desk/list-cursor/v1";
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const payloadSchema = z
  .object({
    /**
     * The plan's source: its index in `plan.sources(...)` (Graph), or the next of the visible scopes an ARM admin
     * view lists (lib/arm/list-requests), which a large estate counts in thousands.
     */
    s: z.number().int().min(0).max(99_999),
    /** Paging options as the upstream spelled them; only names the upstreams page with. */
    p: z.array(z.tuple([z.string().regex(/^\$(skiptoken|skip|top)$/i), z.string().max(MAX_CURSOR_LENGTH)])).max(3),
    /** Expiry, ms since the epoch. */
    x: z.number().int().positive(),
  })
  .strict();

/** What a cursor is bound to: it opens only for the same category, view and caller (see cursor-caller). */
export interface CursorBinding {
  category: CategorySlug;
  view: RequestView;
  caller: string;
}

/** Where the next page comes from. */
export interface CursorPosition {
  source: number;
  paging: PagingOptions;
}

export interface CursorOptions {
  /** Tests only: another key than the process's. */
  key?: Buffer;
  now?: number;
}

export function sealCursor(binding: CursorBinding, position: CursorPosition, options: CursorOptions = {}): string {
  const now = options.now ?? Date.now();
  const payload = Buffer.from(JSON.stringify({ s: position.source, p: position.paging, x: now + CURSOR_TTL_MS })).toString("base64url");
  const cursor = `${payload}.${mac(binding, payload, options.key ?? cursorKey())}`;
  if (cursor.length > MAX_CURSOR_LENGTH) {
    throw new AppError("upstream_error", "The upstream's paging token is too long to hand out as a cursor; the list cannot be paged.");
  }
  return cursor;
}

/** The position a cursor this server sealed for `binding` stands for; invalid_cursor (400) for anything else. */
export function openCursor(cursor: string, binding: CursorBinding, options: CursorOptions = {}): CursorPosition {
  if (cursor.length > MAX_CURSOR_LENGTH) throw invalidCursor();
  const [payload, seal, ...rest] = cursor.split(".");
  if (!payload || !seal || rest.length > 0 || !BASE64URL.test(payload) || !BASE64URL.test(seal)) throw invalidCursor();
  // Compared as the canonical text of the expected MAC, so another spelling of the same bytes does not pass either.
  const expected = Buffer.from(mac(binding, payload, options.key ?? cursorKey()));
  const given = Buffer.from(seal);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();

  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const result = payloadSchema.safeParse(parsed);
  const now = options.now ?? Date.now();
  // Beyond the TTL ahead is no expiry this server wrote, whatever the seal says.
  if (!result.success || result.data.x <= now || result.data.x > now + CURSOR_TTL_MS) throw invalidCursor();
  return { source: result.data.s, paging: result.data.p };
}

function mac(binding: CursorBinding, payload: string, key: Buffer): string {
  return createHmac("sha256", key)
    .update([DOMAIN, binding.category, binding.view, binding.caller, payload].join("\n"))
    .digest("base64url");
}

export function invalidCursor(): AppError {
  return new AppError(
    "invalid_cursor",
    "The list cursor is not one this server issued for you, this category and this view, or it has expired. Start again from the first page.",
  );
}
