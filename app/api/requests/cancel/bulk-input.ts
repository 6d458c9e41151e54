import { z } from "zod";
import { findCategory, registeredSlugs } from "@/lib/categories/registry";
import { viewSchema } from "@/lib/api/route-input";
import { AppError } from "@/lib/errors/app-error";
import { BULK_CANCEL_MAX_ITEMS } from "@/lib/requests/bulk-outcome";
import type { BulkCancelItem } from "@/lib/upstreams/bulk-cancel";

const itemSchema = z
  .object({
    category: z.string().refine((slug) => findCategory(slug) !== undefined, {
      error: (issue) => `There is no request category called "${String(issue.input).slice(0, 64)}"; use one of ${registeredSlugs().join(", ")}.`,
    }),
    // Bounded here; each category checks its own id encoding below.
    id: z.string().min(1, "The request id is empty.").max(1_024, "The request id is too long."),
  })
  .strict();

/**
 * `{ items: [{ category, id }…], view? }` → the cancel call of every item, planned here so that bad input of any
 * kind (including a PIM v2 id without its provider, which only the category can tell) is a 400 before anything
 * reaches Graph. The view picks each category's self-service or admin cancel, as for a single cancel.
 */
export const bulkCancelBodySchema = z
  .object({
    items: z
      .array(itemSchema)
      .min(1, "Send at least one request to cancel.")
      .max(BULK_CANCEL_MAX_ITEMS, `Send at most ${BULK_CANCEL_MAX_ITEMS} requests per bulk cancel; split larger selections.`),
    view: viewSchema.default("all"),
  })
  .strict()
  .transform(({ items, view }, ctx) => {
    const seen = new Map<string, number>();
    const planned = items.map(({ category: slug, id }, index) => {
      // Graph ids are GUIDs, read in any letter case, and ARM ids are case-insensitive: the same request spelled
      // twice is one request.
      const key = `${slug}/${id.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: "custom", path: ["items", index], message: `This ${slug} request is already item ${first}; list each request once.` });
      }
      seen.set(key, first ?? index);
      const category = findCategory(slug)!;
      const parsedId = category.idSchema.safeParse(id);
      if (!parsedId.success) {
        ctx.addIssue({ code: "custom", path: ["items", index, "id"], message: parsedId.error.issues[0]?.message ?? "Not a request id of this category." });
        return null;
      }
      try {
        // Graph cancels are planned now, so a bad id of any kind is a 400 before anything is sent; an ARM id was
        // decoded in full by its idSchema above.
        return category.upstream === "graph" ? { category, id, call: category.cancel(id, view) } : { category, id };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        ctx.addIssue({ code: "custom", path: ["items", index, "id"], message: error.message });
        return null;
      }
    });
    return { view, items: planned.flatMap((item): BulkCancelItem[] => (item ? [item] : [])) };
  });

export type BulkCancelBody = z.output<typeof bulkCancelBodySchema>;
