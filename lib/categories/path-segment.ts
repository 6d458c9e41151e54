import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { graphIdSchema } from "./category-definition";

/**
 * An id as one path segment of an upstream URL: checked against the id rules it must meet (the category's
 * `idSchema`, Graph's id shape by default), then percent-encoded. Every id that reaches a path goes through here,
 * whether the browser sent it (already checked at the route) or Graph and ARM did (a resource's or a group's id):
 * an id holding "/", "..", "?" or "%" could otherwise make the call address another resource. The encoding is a
 * second fence: for ids the rules accept it changes nothing, and Graph and ARM both take encoded segments.
 */
export function idSegment(id: string, rules: z.ZodType<string> = graphIdSchema): string {
  const parsed = rules.safeParse(id);
  if (!parsed.success) {
    throw new AppError("invalid_input", `Invalid request id: ${parsed.error.issues[0]?.message ?? "it is not one Request Desk sends upstream"}`);
  }
  return encodeURIComponent(parsed.data);
}
