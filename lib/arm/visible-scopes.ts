import "server-only";
import { z } from "zod";
import { ArmHttpError } from "./arm-error";
import { managementGroupScope, subscriptionScope } from "./arm-paths";
import { fetchArmList } from "./collection";

// The scopes an admin's view lists (contract "Finding the scopes an admin can see"): the management groups and
// subscriptions ARM shows the caller, each then asked for its requests.

export const MANAGEMENT_GROUPS_PATH = "/providers/Microsoft.Management/managementGroups?api-version=2021-04-01";
export const SUBSCRIPTIONS_PATH = "/subscriptions?api-version=2022-12-01";

export type VisibleScopeKind = "Management group" | "Subscription";

export interface VisibleScope {
  /** The scope's resource id with its leading slash, validated (arm-paths) before it goes into a path. */
  id: string;
  displayName: string;
  kind: VisibleScopeKind;
}

const groupSchema = z.object({ id: z.string(), name: z.string().nullish(), properties: z.object({ displayName: z.string().nullish() }).nullish() });
const subscriptionSchema = z.object({ id: z.string(), subscriptionId: z.string().nullish(), displayName: z.string().nullish(), state: z.string().nullish() });

/**
 * Subscription states whose requests are listed. ARM's states are Enabled, Warned, PastDue, Disabled and Deleted
 * (Azure docs, "Subscription states"): Warned and PastDue subscriptions still run and take writes, so their requests
 * can be cancelled like any other. A Disabled subscription is read-only (ARM rejects writes, the cancel POST included)
 * and a Deleted one is on its way out, so their requests are nothing an admin can act on here, and are not listed.
 * A subscription without a state is listed: ARM decides.
 */
const LISTED_SUBSCRIPTION_STATES: ReadonlySet<string> = new Set(["enabled", "warned", "pastdue"]);

/**
 * Management groups first, then subscriptions, each in ARM's order; both lists are read side by side, every page.
 * Many users may not list management groups at all: ARM's refusal (403) there means "none", not failure. An id
 * that is not a subscription or management group id of the expected shape is skipped, never put into a path.
 */
export async function listVisibleScopes(token: string): Promise<VisibleScope[]> {
  const [groups, subscriptions] = await Promise.all([listManagementGroups(token), fetchArmList(SUBSCRIPTIONS_PATH, token)]);
  const scopes: VisibleScope[] = [];
  const seen = new Set<string>();
  const add = (scope: VisibleScope) => {
    if (seen.has(scope.id.toLowerCase())) return;
    seen.add(scope.id.toLowerCase());
    scopes.push(scope);
  };
  for (const raw of groups) {
    const group = groupSchema.safeParse(raw).data;
    const id = group && managementGroupScope(group.id);
    if (id) add({ id, displayName: group.properties?.displayName || group.name || id, kind: "Management group" });
  }
  for (const raw of subscriptions) {
    const subscription = subscriptionSchema.safeParse(raw).data;
    const id = subscription && subscriptionScope(subscription.id);
    if (!id || (subscription.state && !LISTED_SUBSCRIPTION_STATES.has(subscription.state.toLowerCase()))) continue;
    add({ id, displayName: subscription.displayName || subscription.subscriptionId || id, kind: "Subscription" });
  }
  return scopes;
}

async function listManagementGroups(token: string): Promise<unknown[]> {
  try {
    return await fetchArmList(MANAGEMENT_GROUPS_PATH, token);
  } catch (error) {
    if (error instanceof ArmHttpError && error.status === 403) return [];
    throw error;
  }
}
