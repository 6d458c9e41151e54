import "server-only";
import type { GraphCall, ListSource, GraphCategory } from "@/lib/categories/category-definition";
import { graphCategories } from "@/lib/categories/registry";
import type { AccessReport, CategoryAccess, ViewAccess } from "@/lib/requests/category-access";
import { REQUEST_VIEWS, type CategorySlug, type RequestView } from "@/lib/requests/pending-request";
import { MAX_BATCH_SIZE, runBatches, type BatchCall } from "./batch";
import { parentIds, readCollection } from "./collection";
import { GraphHttpError } from "./graph-error";
import { graphRequest } from "./graph-fetch";
import { buildGraphUrl } from "./graph-url";
import { readCallerId } from "./caller";
import { ACTIVE_ROLES_CALL, rolesFromAnswer } from "./caller-roles";
import { mapGraphError } from "./map-graph-error";

/**
 * Asks Graph, not a role flag, what this user may list: `$top=1` reads per category and view, all in `$batch`.
 * A 2xx means the view is available; a refusal carries the app's explanation of the missing permission or role.
 */
export async function probeGraphAccess(token: string): Promise<AccessReport> {
  try {
    return await probeEveryCategory(token);
  } catch (error) {
    throw mapGraphError(error);
  }
}

/**
 * Parents a fan-out view is probed with. The list skips a parent this admin may not read (a role-assignable group
 * without Privileged Role Administrator answers 403) and is forbidden only when every parent refuses, so a single
 * sample would decide for the whole category on the strength of whichever group Graph happens to list first.
 * The first page's first few parents come from the call that used to fetch one (`$top`), and their `$top=1` probes
 * ride in the `$batch` of the other views: at most 19 v1.0 items (2 PIM for Groups categories × 5 groups + 8
 * collection probes + the caller's directory roles) and 8 beta ones, so still one `$batch` per version and the
 * same round trips as one sample.
 * A registry that outgrows 20 items per version gets a second `$batch`, sent side by side (`runProbes`).
 */
export const PROBE_PARENTS = 5;

interface Probe {
  category: GraphCategory<unknown>;
  view: RequestView;
  /** Empty when there is nothing to ask (a fan-out with no parents): nothing refused, so the view is available. */
  calls: BatchCall[];
  /** Graph refused to list a fan-out's parents: the view's answer already, as the list would be refused too. */
  refused?: ViewAccess;
}

/** A fan-out's first parents, or Graph's refusal to list them. */
type SampleParents = { ids: string[] } | { refused: NonNullable<ProbeAnswer> };

async function probeEveryCategory(token: string): Promise<AccessReport> {
  const sampleParents = new Map<string, Promise<SampleParents>>();
  let callerId: Promise<string> | undefined;
  const caller = () => (callerId ??= readCallerId(token));
  // The probes' own preparation (sample groups or resources, the caller's id) runs side by side: each costs a
  // Graph round trip, and the dashboard waits for all of them.
  const pairs = graphCategories().flatMap((category) => REQUEST_VIEWS.map((view) => ({ category, view })));
  const probes: Probe[] = await Promise.all(
    pairs.map(async ({ category, view }) => ({ category, view, ...(await probeCalls(category, view, token, sampleParents, caller)) })),
  );
  // The caller's directory roles ride in the same `$batch`: they cost no round trip of their own.
  const [rolesAnswer, ...answers] = await runProbes([ACTIVE_ROLES_CALL, ...probes.flatMap((p) => p.calls)], token);
  // A claims challenge is not a refusal of one view: the whole answer waits until the user has verified again.
  const challenged = [rolesAnswer, ...answers].find((answer) => answer?.status === 401 && GraphHttpError.fromParts(401, answer.body, answer.headers).claimsChallenge);
  if (challenged) throw GraphHttpError.fromParts(challenged.status, challenged.body, challenged.headers);
  const byCategory = new Map<CategorySlug, CategoryAccess>();
  let next = 0;
  for (const { category, view, calls, refused } of probes) {
    const own = answers.slice(next, next + calls.length);
    next += calls.length;
    const slug = category.summary.slug;
    const entry = byCategory.get(slug) ?? { category: slug, views: {} as Record<RequestView, ViewAccess> };
    entry.views[view] = refused ?? interpret(own, category, view);
    byCategory.set(slug, entry);
  }
  const roles = rolesAnswer ? rolesFromAnswer(rolesAnswer.status, rolesAnswer.body) : null;
  return { categories: [...byCategory.values()], directoryRoles: roles ? [...roles] : null };
}

function withTop(call: GraphCall, top = 1): BatchCall {
  return { ...call, query: { ...call.query, $top: String(top) } };
}

async function probeCalls(
  category: GraphCategory<unknown>,
  view: RequestView,
  token: string,
  sampleParents: Map<string, Promise<SampleParents>>,
  caller: () => Promise<string>,
): Promise<Pick<Probe, "calls" | "refused">> {
  const plan = category.list[view];
  // The first source stands for the category: its permission and role rules are the category's. (PIM for Groups'
  // second source, Microsoft 365 groups, follows the same rules.)
  const sources = plan.sources({ callerId: plan.needsCallerId ? await caller() : "" });
  const source = sources[0];
  if (!source) return { calls: [] };
  if (source.kind === "collection") return { calls: [withTop(source.call)] };
  // A source the list skips when refused (PIM v2's providers, each with its own permission) says nothing for the
  // category by being refused: the next such source is asked instead, and only when every one refuses is the view
  // refused, as the list would then show nothing at all. Each further source costs a round trip only then.
  const candidates = source.skipWhenRefused ? sources.filter((s): s is FanOut => s.kind === "fan-out" && s.skipWhenRefused === true) : [source];
  const refusals: Array<NonNullable<ProbeAnswer>> = [];
  for (const candidate of candidates) {
    // A fan-out needs parents to ask about; with no parents there is nothing to refuse.
    const key = buildGraphUrl(candidate.parents);
    if (!sampleParents.has(key)) sampleParents.set(key, firstParents(candidate.parents, token));
    const parents = await sampleParents.get(key)!;
    if (!("refused" in parents)) return { calls: parents.ids.map((id) => withTop(candidate.child(id))) };
    refusals.push(parents.refused);
  }
  if (!source.skipWhenRefused) return { calls: [], refused: parentsRefused(category, source, refusals[0]!) };
  // Every provider refused: the same answer (and named permissions) as a refused list of this category.
  return { calls: [], refused: interpret(refusals, category, view) };
}

type FanOut = Extract<ListSource, { kind: "fan-out" }>;

/** The view's answer when the parents a fan-out needs could not be listed: what to grant so they can be. */
function parentsRefused(
  category: GraphCategory<unknown>,
  source: FanOut,
  refusal: NonNullable<ProbeAnswer>,
): ViewAccess {
  const what = source.parents.path.replace(/^\//, "");
  const grant = source.parentsPermissions?.length ? ` Listing ${what} needs the delegated permission ${source.parentsPermissions.join(" or ")}.` : "";
  const code = refusal.status === 401 ? "unauthenticated" : "forbidden";
  return { available: false, code, message: `Microsoft Graph does not let you list the ${what} whose ${category.summary.label} requests this view shows.${grant}` };
}

async function firstParents(parents: GraphCall, token: string): Promise<SampleParents> {
  try {
    const response = await graphRequest(buildGraphUrl(withTop(parents, PROBE_PARENTS)), { token });
    const entities = readCollection(response.body)?.entities ?? [];
    return { ids: parentIds(entities).slice(0, PROBE_PARENTS) };
  } catch (error) {
    // Refused (the groups may not be read): so is the list. Anything else is the list's own error to show.
    if (error instanceof GraphHttpError && error.claimsChallenge) throw error;
    if (error instanceof GraphHttpError && (error.status === 401 || error.status === 403)) {
      return { refused: { status: error.status, body: { error: { code: error.upstreamCode, message: error.message } }, headers: {} } };
    }
    return { ids: [] };
  }
}

type ProbeAnswer = { status: number; body: unknown; headers: Record<string, string> } | undefined;

/**
 * Every probe in `$batch`, one envelope per version side by side (the dashboard waits for the slowest), and more
 * than one for a version only past Graph's 20 items per `$batch` (§8.2), sent side by side too.
 */
async function runProbes(calls: readonly BatchCall[], token: string): Promise<ProbeAnswer[]> {
  if (calls.length === 0) return [];
  const { results } = await runBatches(calls, token, { concurrency: Math.ceil(calls.length / MAX_BATCH_SIZE) + 1 });
  return results;
}

const isRefusal = (answer: ProbeAnswer) => answer?.status === 401 || answer?.status === 403;

function interpret(answers: readonly ProbeAnswer[], category: GraphCategory<unknown>, view: RequestView): ViewAccess {
  // Only refusals say the user may not list this view, and for a fan-out only when every sampled parent refuses
  // (the list skips the ones that do). A parent gone meanwhile (404) says nothing either way; a Graph outage is the
  // list's own error to show.
  const telling = answers.filter((answer) => answer?.status !== 404);
  const refusal = telling[0];
  if (!refusal || !telling.every(isRefusal)) return { available: true };
  const error = mapGraphError(GraphHttpError.fromParts(refusal.status, refusal.body, refusal.headers), {
    category,
    operation: "list",
    view,
  });
  return { available: false, code: error.code, message: error.message };
}
