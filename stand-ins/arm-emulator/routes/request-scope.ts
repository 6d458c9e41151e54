// The `{scope}` of a schedule request call, resolved against the tenant: which known scopes it sits in (for RBAC
// inheritance) and whether it exists. ARM checks authorization before existence, which is why its refusal says
// "over scope '…' or the scope is invalid": a caller without rights learns nothing about what exists. A subscription
// ARM does not know at all is the exception: 404 SubscriptionNotFound.

import { ArmError, authorizationFailed } from "../engine/cloud-error";
import type { RouteContext } from "../engine/routing";
import { parseScope, type ParsedScope } from "../engine/scope-path";
import type { ScopeNode } from "../model/records";

export interface ResolvedScope {
  parsed: ParsedScope;
  /** The seeded scope, if the path names one. */
  node: ScopeNode | undefined;
  /** Lower-cased ids of the scope and everything above it, for RBAC. */
  chain: readonly string[];
  /** The scope id for messages: the seed's spelling when known. */
  shownId: string;
}

export function resolveScope(context: RouteContext, segments: readonly string[]): ResolvedScope {
  const parsed = parseScope(segments);
  if (!parsed) throw new ArmError(400, "InvalidScope", `The scope '/${segments.join("/")}' is not a valid Azure Resource Manager scope.`);
  const tree = context.directory.tree;
  if (parsed.subscriptionId && !tree.find(`/subscriptions/${parsed.subscriptionId}`)) {
    throw new ArmError(404, "SubscriptionNotFound", `The subscription '${parsed.subscriptionId}' could not be found.`);
  }
  const knownAt = parsed.impliedChain.findIndex((id) => tree.find(id));
  const chain =
    knownAt < 0
      ? parsed.impliedChain.map((id) => id.toLowerCase())
      : [...parsed.impliedChain.slice(0, knownAt).map((id) => id.toLowerCase()), ...tree.selfAndAncestors(parsed.impliedChain[knownAt]!)];
  const node = knownAt === 0 ? tree.find(parsed.id) : undefined;
  return { parsed, node, chain, shownId: node?.id ?? parsed.id };
}

/** After authorization: ARM's not-found answer for each kind of scope (real codes and messages). */
export function requireExistingScope(scope: ResolvedScope): ScopeNode {
  if (scope.node) return scope.node;
  const { parsed } = scope;
  if (parsed.type === "resourcegroup") throw new ArmError(404, "ResourceGroupNotFound", `Resource group '${parsed.resourceGroup}' could not be found.`);
  if (parsed.type === "resource") {
    throw new ArmError(
      404,
      "ResourceNotFound",
      `The Resource '${parsed.resourcePath}' under resource group '${parsed.resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    );
  }
  // Inference: the management groups service's code for an unknown group.
  throw new ArmError(404, "ManagementGroupNotFound", `The management group '${parsed.id}' could not be found.`);
}

export function refuse(context: RouteContext, action: string, scope: string): ArmError {
  return authorizationFailed(context.caller.signInName, context.caller.oid, action, scope);
}
