import "server-only";
import { z } from "zod";
import type { CategorySlug, RequestView } from "@/lib/requests/pending-request";
import { AppError } from "@/lib/errors/app-error";

// A cursor is the upstream's own next link (Graph's `@odata.nextLink`, ARM's `nextLink`) wrapped with the category and view it belongs to. It is opaque to the
// browser; on the way back it is checked (here for shape, in list-requests for the link's target) before use.
const cursorSchema = z.object({ c: z.string(), v: z.enum(["mine", "all"]), s: z.number().int().min(0).max(99), l: z.url() });

/** Where the next page comes from: which of the plan's sources, and the upstream link to read. */
export interface CursorPosition {
  source: number;
  link: string;
}

export function encodeCursor(category: CategorySlug, view: RequestView, position: CursorPosition): string {
  return Buffer.from(JSON.stringify({ c: category, v: view, s: position.source, l: position.link })).toString("base64url");
}

export function decodeCursor(cursor: string, category: CategorySlug, view: RequestView): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success || result.data.c !== category || result.data.v !== view) throw invalidCursor();
  return { source: result.data.s, link: result.data.l };
}

export function invalidCursor(): AppError {
  return new AppError("invalid_input", "The cursor is not one this server issued for this category and view. Start again from the first page.");
}
