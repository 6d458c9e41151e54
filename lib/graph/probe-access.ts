import "server-only";
import type { GraphCall, RequestCategory } from "@/lib/categories/category-definition";
import { CATEGORY_REGISTRY } from "@/lib/categories/registry";
import type { CategoryAccess, ViewAccess } from "@/lib/requests/category-access";
import { REQUEST_VIEWS, type CategorySlug, type RequestView } from "@/lib/requests/pending-request";
import { runBatch, type BatchCall } from "./batch";
import { readCollection } from "./collection";
import { GraphHttpError } from "./graph-error";
import { graphRequest } from "./graph-fetch";
import { buildGraphUrl } from "./graph-url";
import { readCallerId } from "./caller";
import { mapGraphError } from "./map-graph-error";

/**
 * Asks Graph, not a role flag, what this user may list: one `$top=1` read per category and view, all in `$batch`.
 * A 2xx means the view is available; a refusal carries the app's explanation of the missing permission or role.
 */
export async function probeAccess(token: string): Promise<CategoryAccess[]> {
  try {
    return await probeEveryCategory(token);
  } catch (error) {
    throw mapGraphError(error);
  }
}

async function probeEveryCategory(token: string): Promise<CategoryAccess[]> {
  const sampleParents = new Map<string, Promise<string | null>>();
  let callerId: Promise<string> | undefined;
  const caller = () => (callerId ??= readCallerId(token));
  const probes: Array<{ category: RequestCategory<unknown>; view: RequestView; call: BatchCall | null }> = [];
  // The probes' own preparation (a sample group or resource, the caller's id) runs side by side: each costs a
  // Graph round trip, and the dashboard waits for all of them.
  const pairs = CATEGORY_REGISTRY.flatMap((category) => REQUEST_VIEWS.map((view) => ({ category, view })));
  const calls = await Promise.all(pairs.map(({ category, view }) => probeCall(category, view, token, sampleParents, caller)));
  pairs.forEach(({ category, view }, index) => probes.push({ category, view, call: calls[index] ?? null }));
  const answers = await runProbes(probes.map((p) => p.call), token);
  const byCategory = new Map<CategorySlug, CategoryAccess>();
  probes.forEach(({ category, view }, index) => {
    const slug = category.summary.slug;
    const entry = byCategory.get(slug) ?? { category: slug, views: {} as Record<RequestView, ViewAccess> };
    entry.views[view] = interpret(answers[index] ?? null, category, view);
    byCategory.set(slug, entry);
  });
  return [...byCategory.values()];
}

function withTop(call: GraphCall): BatchCall {
  return { ...call, query: { ...call.query, $top: "1" } };
}

async function probeCall(
  category: RequestCategory<unknown>,
  view: RequestView,
  token: string,
  sampleParents: Map<string, Promise<string | null>>,
  caller: () => Promise<string>,
): Promise<BatchCall | null> {
  const plan = category.list[view];
  // The first source stands for the category: its permission and role rules are the category's.
  const source = plan.sources({ callerId: plan.needsCallerId ? await caller() : "" })[0];
  if (!source) return null;
  if (source.kind === "collection") return withTop(source.call);
  // A fan-out needs a parent to ask about; with no parents there is nothing to refuse.
  const key = buildGraphUrl(source.parents);
  if (!sampleParents.has(key)) sampleParents.set(key, firstParentId(source.parents, token));
  const parentId = await sampleParents.get(key);
  return parentId ? withTop(source.child(parentId)) : null;
}

async function firstParentId(parents: GraphCall, token: string): Promise<string | null> {
  try {
    const response = await graphRequest(buildGraphUrl(withTop(parents)), { token });
    const first = readCollection(response.body)?.entities[0] as { id?: unknown } | undefined;
    return typeof first?.id === "string" ? first.id : null;
  } catch {
    return null;
  }
}

type ProbeAnswer = { status: number; body: unknown; headers: Record<string, string> } | null;

async function runProbes(calls: Array<BatchCall | null>, token: string): Promise<ProbeAnswer[]> {
  const answers: ProbeAnswer[] = calls.map(() => null);
  const versions = [...new Set(calls.flatMap((c) => (c ? [c.version] : [])))];
  await Promise.all(
    versions.map(async (version) => {
      const indexes = calls.flatMap((c, i) => (c?.version === version ? [i] : []));
      const results = await runBatch(version, indexes.map((i) => calls[i]!), token);
      results.forEach((result, k) => (answers[indexes[k]!] = result));
    }),
  );
  return answers;
}

function interpret(answer: ProbeAnswer, category: RequestCategory<unknown>, view: RequestView): ViewAccess {
  // Only a refusal says the user may not list this view; a Graph outage is the list's own error to show.
  if (!answer || (answer.status !== 401 && answer.status !== 403)) return { available: true };
  const error = mapGraphError(GraphHttpError.fromParts(answer.status, answer.body, answer.headers), {
    category,
    operation: "list",
    view,
  });
  return { available: false, code: error.code, message: error.message };
}
