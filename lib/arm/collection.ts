import "server-only";
import { z } from "zod";
import type { ArmCategory } from "@/lib/categories/category-definition";
import { AppError } from "@/lib/errors/app-error";
import type { PendingRequest } from "@/lib/requests/pending-request";
import { armRequest } from "./arm-fetch";
import { assertArmLinkWithin } from "./arm-paths";
import { appLogger } from "@/lib/ops/logger";

// ARM's list shape (contract "Endpoints"): `{ value: [...], nextLink?: "<absolute URL>" }`. `value[]` and `nextLink`
// stop here: callers get entities and a next link that was checked before anyone follows it.
const armPageSchema = z.object({ value: z.array(z.unknown()), nextLink: z.string().nullish() });

export interface ArmPage {
  entities: unknown[];
  nextLink: string | undefined;
}

/** One page of an ARM list at `link`, which continues (or is) `expected`, a path the app built. */
export async function fetchArmPage(link: string, expected: string, token: string): Promise<ArmPage> {
  const response = await armRequest(link === expected ? expected : assertArmLinkWithin(link, expected), { token });
  const parsed = armPageSchema.safeParse(response.body);
  if (!parsed.success) throw new AppError("upstream_error", "Azure Resource Manager sent a list in an unexpected shape.", { upstream: "arm" });
  const nextLink = parsed.data.nextLink || undefined;
  return { entities: parsed.data.value, nextLink: nextLink === undefined ? undefined : assertArmLinkWithin(nextLink, expected) };
}

/**
 * Every entity of an ARM list, page after page. ARM pages one list at a time (each nextLink comes with the page
 * before it), so a long list costs one round trip per page; callers run several lists side by side instead.
 */
export async function fetchArmList(path: string, token: string): Promise<unknown[]> {
  const entities: unknown[] = [];
  for (let link: string | undefined = path; link; ) {
    const page = await fetchArmPage(link, path, token);
    entities.push(...page.entities);
    link = page.nextLink;
  }
  return entities;
}

const idSchema = z.object({ id: z.string() });

export interface MappedArmRequest {
  /** ARM's resource id of the request, lower-cased: ARM ids are case-insensitive (contract "Finding the scopes…"). */
  key: string;
  item: PendingRequest;
}

/**
 * Maps ARM entities through the category's schema. An entity that does not parse (or whose scope the app's id
 * cannot carry) is left out and logged by id, rather than failing the whole list for one odd record.
 */
export function mapArmEntities(category: ArmCategory<unknown>, entities: readonly unknown[]): MappedArmRequest[] {
  const mapped: MappedArmRequest[] = [];
  for (const raw of entities) {
    const parsed = category.entitySchema.safeParse(raw);
    const id = idSchema.safeParse(raw).data?.id;
    if (parsed.success && id) mapped.push({ key: id.toLowerCase(), item: category.toPendingRequest(parsed.data) });
    else appLogger().warn({ kind: "skipped_entity", upstream: "arm", category: category.summary.slug, id }, "skipped an entity that did not parse");
  }
  return mapped;
}
