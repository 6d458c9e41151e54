// Turns the `{scope}` part of an ARM path into a scope id (contract "Endpoints": subscriptions/<id>,
// …/resourceGroups/<rg>, …/providers/<ns>/<type>/<name>, providers/Microsoft.Management/managementGroups/<name>;
// the spec's own examples also write a subscription as providers/Microsoft.Subscription/subscriptions/<id>, and an
// empty scope is the tenant root). Keywords match case-insensitively, as ARM's routing does.

import type { ScopeType } from "../model/records";

export interface ParsedScope {
  /** Canonical id spelled with the caller's casing: "/", "/subscriptions/<id>/resourceGroups/<rg>", … */
  id: string;
  type: ScopeType;
  /** This scope and the scopes its id implies above it, up to its subscription, nearest first. */
  impliedChain: readonly string[];
  subscriptionId?: string;
  resourceGroup?: string;
  /** `<ns>/<type>/<name>[/<type>/<name>…]` for a resource. */
  resourcePath?: string;
}

const is = (segment: string | undefined, word: string) => segment?.toLowerCase() === word.toLowerCase();

export function parseScope(segments: readonly string[]): ParsedScope | undefined {
  if (segments.length === 0) return { id: "/", type: "tenant", impliedChain: ["/"] };
  if (segments.length === 4 && is(segments[0], "providers") && is(segments[1], "Microsoft.Management") && is(segments[2], "managementGroups")) {
    const id = `/providers/Microsoft.Management/managementGroups/${segments[3]}`;
    return { id, type: "managementgroup", impliedChain: [id] };
  }
  let rest = segments;
  if (is(rest[0], "providers") && is(rest[1], "Microsoft.Subscription") && is(rest[2], "subscriptions")) rest = rest.slice(2);
  if (!is(rest[0], "subscriptions") || !rest[1]) return undefined;
  const subscriptionId = rest[1];
  const subscription = `/subscriptions/${subscriptionId}`;
  if (rest.length === 2) return { id: subscription, type: "subscription", impliedChain: [subscription], subscriptionId };
  if (!is(rest[2], "resourceGroups") || !rest[3]) return undefined;
  const resourceGroup = rest[3];
  const group = `${subscription}/resourceGroups/${resourceGroup}`;
  if (rest.length === 4) return { id: group, type: "resourcegroup", impliedChain: [group, subscription], subscriptionId, resourceGroup };
  // providers/<ns>/<type>/<name>, then any number of nested <type>/<name> pairs.
  const provider = rest.slice(5);
  if (!is(rest[4], "providers") || provider.length < 3 || provider.length % 2 === 0) return undefined;
  const resourcePath = provider.join("/");
  const id = `${group}/providers/${resourcePath}`;
  return { id, type: "resource", impliedChain: [id, group, subscription], subscriptionId, resourceGroup, resourcePath };
}
