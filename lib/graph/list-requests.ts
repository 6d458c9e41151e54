import "server-only";
import { z } from "zod";
import type { GraphCall, ListPlan, RequestCategory } from "@/lib/categories/category-definition";
import type { PendingRequest, RequestPage, RequestView } from "@/lib/requests/pending-request";
import { AppError } from "@/lib/errors/app-error";
import { runBatch } from "./batch";
import { mapEntities, readCollection } from "./collection";
import { decodeCursor, encodeCursor, invalidCursor } from "./cursor";
import { GraphHttpError } from "./graph-error";
import { graphRequest } from "./graph-fetch";
import { buildGraphUrl, isLinkWithin } from "./graph-url";
import { mapGraphError } from "./map-graph-error";

export interface ListRequestsInput {
  category: RequestCategory<unknown>;
  view: RequestView;
  cursor: string | undefined;
  token: string;
}

/** One page of a category's requests as the signed-in user may see them, with a cursor for the next page. */
export async function listRequestPage(input: ListRequestsInput): Promise<RequestPage> {
  const plan = input.category.list[input.view];
  const firstCall = plan.kind === "collection" ? plan.call : plan.groups;
  const link = input.cursor ? decodeCursor(input.cursor, input.category.summary.slug, input.view) : buildGraphUrl(firstCall);
  if (!isLinkWithin(link, firstCall)) throw invalidCursor();
  try {
    const page = plan.kind === "collection" ? await collectionPage(input, link) : await perGroupPage(input, plan, link);
    return {
      items: page.items,
      nextCursor: page.nextLink ? encodeCursor(input.category.summary.slug, input.view, page.nextLink) : null,
    };
  } catch (error) {
    throw mapGraphError(error, { category: input.category, operation: "list", view: input.view });
  }
}

interface MappedPage {
  items: PendingRequest[];
  nextLink: string | undefined;
}

async function collectionPage(input: ListRequestsInput, link: string): Promise<MappedPage> {
  const plan = input.category.list[input.view];
  const expected = plan.kind === "collection" ? plan.call : plan.groups;
  const page = await fetchCollection(link, expected, input.token);
  return { items: mapEntities(input.category, page.entities), nextLink: page.nextLink };
}

const groupSchema = z.object({ id: z.string() });

/**
 * One page of the tenant's security groups, and every request of each of those groups, asked 20 groups per
 * `$batch`. A group whose requests this admin may not read (403, e.g. a role-assignable group without Privileged
 * Role Administrator) is skipped; if every group refuses, the user is told they lack the right.
 */
async function perGroupPage(
  input: ListRequestsInput,
  plan: Extract<ListPlan, { kind: "per-group" }>,
  link: string,
): Promise<MappedPage> {
  const groupsPage = await fetchCollection(link, plan.groups, input.token);
  const groupIds = groupsPage.entities.flatMap((g) => {
    const parsed = groupSchema.safeParse(g);
    return parsed.success ? [parsed.data.id] : [];
  });
  const calls = groupIds.map((id) => plan.callForGroup(id));
  const results = await runBatch("v1.0", calls, input.token);

  const entities: unknown[] = [];
  let refused = 0;
  for (const [index, result] of results.entries()) {
    if (result.status === 403 || result.status === 404) {
      refused++;
      continue;
    }
    if (result.status < 200 || result.status >= 300) throw GraphHttpError.fromParts(result.status, result.body, result.headers);
    const page = readCollection(result.body);
    if (!page) throw new AppError("upstream_error", "Microsoft Graph sent a group's requests in an unexpected shape.");
    entities.push(...page.entities);
    if (page.nextLink) entities.push(...(await followAll(page.nextLink, calls[index]!, input.token)));
  }
  if (groupIds.length > 0 && refused === groupIds.length) {
    const firstRefusal = results.find((r) => r.status === 403) ?? results[0]!;
    throw GraphHttpError.fromParts(firstRefusal.status, firstRefusal.body, firstRefusal.headers);
  }
  return { items: mapEntities(input.category, entities), nextLink: groupsPage.nextLink };
}

async function followAll(link: string, expected: GraphCall, token: string): Promise<unknown[]> {
  const entities: unknown[] = [];
  let next: string | undefined = link;
  while (next) {
    const page = await fetchCollection(next, expected, token);
    entities.push(...page.entities);
    next = page.nextLink;
  }
  return entities;
}

async function fetchCollection(link: string, expected: GraphCall, token: string) {
  const response = await graphRequest(link, { token });
  const page = readCollection(response.body);
  if (!page) throw new AppError("upstream_error", "Microsoft Graph sent a list in an unexpected shape.");
  if (page.nextLink && !isLinkWithin(page.nextLink, expected)) {
    throw new AppError("upstream_error", "Microsoft Graph sent a next-page link to an unexpected place; it was not followed.");
  }
  return page;
}
