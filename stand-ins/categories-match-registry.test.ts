import { describe, expect, it } from "vitest";
import { armListPath, armRequestPath } from "@/lib/arm/arm-paths";
import type { GraphCall, GraphCategory } from "@/lib/categories/category-definition";
import { armCategories, graphCategories } from "@/lib/categories/registry";
import { REQUEST_VIEWS } from "@/lib/requests/pending-request";
import { resolveArmRoute } from "./arm-emulator/routes";
import { REQUEST_KINDS } from "./arm-emulator/model/request-kinds";
import { GRAPH_ROUTES } from "./graph-emulator/collections/registry";
import type { GraphVersion } from "./graph-emulator/model";
import { createRouter } from "./graph-emulator/engine/routing";

// Issue 10: the registry (lib/categories/registry.ts) is the one list of categories. The stand-ins keep their own
// tables (the ARM emulator's REQUEST_KINDS, the Graph emulator's GRAPH_ROUTES), so they are tested against it here:
// every call a category makes is one the emulator serves, and every request collection the emulator serves is one a
// category uses. A category added on one side only fails here.

const GUID = "7c9c1b8e-2d4f-4b0e-9a53-2f3b8c1d0e6a";
const SUBSCRIPTION = "/subscriptions/2f1e6c3a-8b4d-4e7f-a9c0-1d2e3f4a5b6c";

type Method = "GET" | "POST";

interface CategoryCall {
  slug: string;
  what: string;
  method: Method;
  call: GraphCall;
}

const accepts = (category: GraphCategory<unknown>) => (id: string) => category.idSchema.safeParse(id).success;

/** Ids the category's idSchema accepts: a GUID, else PIM v2's `<provider>_<GUID>` for each provider its lists name. */
function sampleIds(category: GraphCategory<unknown>): string[] {
  if (accepts(category)(GUID)) return [GUID];
  const segments = category.list.mine.sources({ callerId: GUID }).flatMap((s) => (s.kind === "collection" ? s.call.path.split("/") : []));
  return [...new Set(segments)].filter((s) => s !== "").map((s) => `${s}_${GUID}`).filter(accepts(category));
}

function graphCalls(category: GraphCategory<unknown>): CategoryCall[] {
  const slug = category.summary.slug;
  return REQUEST_VIEWS.flatMap((view) => [
    ...category.list[view].sources({ callerId: GUID }).flatMap((source): CategoryCall[] =>
      source.kind === "collection"
        ? [{ slug, what: `${view} list`, method: "GET", call: source.call }]
        : [
            { slug, what: `${view} list's parents`, method: "GET", call: source.parents },
            { slug, what: `${view} list per parent`, method: "GET", call: source.child(GUID) },
          ],
    ),
    ...sampleIds(category).flatMap((id): CategoryCall[] => [
      { slug, what: `${view} cancel`, method: "POST", call: category.cancel(id, view) },
      { slug, what: `${view} read-back`, method: "GET", call: category.readBack(id, view) },
    ]),
  ]);
}

const segmentsOf = (path: string) => path.replace(/^\/+/, "").split("/").map(decodeURIComponent);
const graphRouter = createRouter(GRAPH_ROUTES);

function graphRoute({ method, call }: CategoryCall) {
  return graphRouter.resolve({
    method,
    version: call.version as GraphVersion,
    rawPath: call.path,
    segments: segmentsOf(call.path),
    rawQuery: "",
    query: new URLSearchParams(call.query),
    headers: {},
    body: undefined,
    origin: "http://graph.test",
    viaBatch: false,
    requestId: "test",
    clientRequestId: "test",
  }).route;
}

const collectionOf = (cancelPath: string) => cancelPath.replace(/^\/+/, "").replace(/\/[^/]+\/cancel$/, "").toLowerCase();

describe("the Graph emulator serves the registry's Graph categories", () => {
  // Deduplicated: PIM for Groups lists its groups twice (two group filters), one check per distinct call is enough.
  const calls = [...new Map(graphCategories().flatMap(graphCalls).map((c) => [`${c.slug} ${c.what} ${c.method} ${c.call.version}${c.call.path}`, c])).values()];

  it("every category makes calls (lists and cancels) this test can check", () => {
    for (const category of graphCategories()) {
      const made = calls.filter((c) => c.slug === category.summary.slug);
      expect(made.some((c) => c.method === "POST"), `${category.summary.slug} has no id its idSchema accepts here`).toBe(true);
      expect(made.some((c) => c.what.includes("list")), category.summary.slug).toBe(true);
    }
  });

  it.each(calls.map((c) => [`${c.slug} ${c.what}: ${c.method} /${c.call.version}${c.call.path}`, c] as const))("%s", (_, call) => {
    expect(() => graphRoute(call)).not.toThrow();
  });

  it("every request collection the emulator can cancel in is one a category cancels in, and vice versa", () => {
    const served = GRAPH_ROUTES.filter((r) => r.method === "POST" && r.path.endsWith("/{id}/cancel")).map((r) => collectionOf(r.path));
    const cancelled = calls.filter((c) => c.method === "POST").map((c) => collectionOf(c.call.path));
    expect([...new Set(served)].sort()).toEqual([...new Set(cancelled)].sort());
  });
});

describe("the ARM emulator serves the registry's ARM categories", () => {
  const byResourceType = (type: string) => REQUEST_KINDS.find((k) => k.segment === type);

  it("its request kinds are exactly the registry's ARM resource types", () => {
    expect(REQUEST_KINDS.map((k) => k.segment).sort()).toEqual(armCategories().map((c) => c.resourceType).sort());
  });

  it.each(armCategories().map((c) => [c.summary.slug, c] as const))("%s: its api-version and cancel action are the emulator's", (_, category) => {
    const kind = byResourceType(category.resourceType);
    expect(kind?.apiVersions).toContain(category.apiVersion);
    expect(kind?.cancelAction).toBe(category.cancelAction);
  });

  it.each(armCategories().map((c) => [c.summary.slug, c] as const))("%s: list, read and cancel resolve to emulator routes", (_, category) => {
    const ref = { scope: SUBSCRIPTION, name: GUID };
    const paths: Array<[Method, string]> = [
      ["GET", armListPath(category, "")],
      ["GET", armListPath(category, SUBSCRIPTION)],
      ["GET", armRequestPath(category, ref)],
      ["POST", armRequestPath(category, ref, "cancel")],
    ];
    for (const [method, path] of paths) {
      const url = new URL(path, "https://arm.test");
      const route = resolveArmRoute(segmentsOf(url.pathname).filter((s) => s !== ""));
      expect(route?.methods, `${method} ${path}`).toContain(method);
      expect(route?.apiVersions, path).toContain(url.searchParams.get("api-version"));
    }
  });
});
