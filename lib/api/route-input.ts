import "server-only";
import { z } from "zod";
import type { RequestCategory } from "@/lib/categories/category-definition";
import { findCategory } from "@/lib/categories/registry";
import { AppError } from "@/lib/errors/app-error";

export const viewSchema = z.enum(["mine", "all"], { error: "view must be 'mine' or 'all'." });

/** Looks the slug up in the registry: an unknown category is a 404, not a validation error. */
export function categoryFromSlug(slug: string | null): RequestCategory<unknown> {
  if (!slug) throw new AppError("invalid_input", "The category parameter is required.");
  const category = findCategory(slug);
  if (!category) throw new AppError("unknown_category", `There is no request category called "${slug.slice(0, 64)}".`);
  return category;
}

/** Parses with a schema and turns the first problem into the app's 400. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join(".")})` : "";
  throw new AppError("invalid_input", `Invalid ${what}${where}: ${issue?.message ?? "not accepted"}`);
}
