import "server-only";
import { z } from "zod";
import { graphIdSchema, type GraphCall, type GraphCategory } from "@/lib/categories/category-definition";
import type { PendingRequest } from "@/lib/requests/pending-request";
import { appLogger } from "@/lib/ops/logger";

// `value[]` and `@odata.nextLink` stop here (contract §8.4): callers get entities and an optional next link.
const collectionSchema = z.object({
  value: z.array(z.unknown()),
  "@odata.nextLink": z.string().optional(),
});

export interface CollectionPage {
  entities: unknown[];
  nextLink: string | undefined;
}

export function readCollection(body: unknown): CollectionPage | undefined {
  const parsed = collectionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  return { entities: parsed.data.value, nextLink: parsed.data["@odata.nextLink"] };
}

/**
 * A parent of a fan-out (a group, a PIM v2 resource) as Graph listed it. Its id becomes a path segment or a filter
 * value of the next call, so it must have the shape of a Graph id; a parent with any other id is left out (and
 * logged) rather than asked about.
 */
const parentSchema = z.object({ id: graphIdSchema });

/** The ids of the parents Graph listed that are fit to go into a path. */
export function parentIds(entities: readonly unknown[]): string[] {
  return entities.flatMap((entity) => {
    const parsed = parentSchema.safeParse(entity);
    if (!parsed.success) appLogger().warn({ kind: "skipped_parent", upstream: "graph", id: String((entity as { id?: unknown })?.id) }, "skipped a parent whose id is not a Graph id");
    return parsed.success ? [parsed.data.id] : [];
  });
}

/**
 * Maps Graph entities through the category's schema. An entity that does not parse is left out and reported on
 * the server log by id, rather than failing the whole page for one odd record.
 */
export function mapEntities(category: GraphCategory<unknown>, entities: readonly unknown[], tag?: string): PendingRequest[] {
  const items: PendingRequest[] = [];
  for (const raw of entities) {
    const parsed = category.entitySchema.safeParse(raw);
    if (parsed.success) items.push(category.toPendingRequest(parsed.data, tag));
    else appLogger().warn({ kind: "skipped_entity", upstream: "graph", category: category.summary.slug, id: String((raw as { id?: unknown })?.id) }, "skipped an entity that did not parse");
  }
  return items;
}

/** The request a cancel answered with: PIM v1 returns the updated entity; the others answer 204 or an empty 200. */
export function requestFromCancelAnswer(category: GraphCategory<unknown>, id: string, body: unknown): PendingRequest | null {
  if (!body) return null;
  const [returned] = mapEntities(category, [body]);
  return returned?.id === id ? returned : null;
}

/** The request a category's read-back found: an admin read-back is the entity, a self-service one a filtered list. */
export function requestFromReadBack(category: GraphCategory<unknown>, id: string, call: GraphCall, body: unknown): PendingRequest | null {
  const entities = readCollection(body)?.entities ?? [body];
  return mapEntities(category, entities, call.tag).find((item) => item.id === id) ?? null;
}
