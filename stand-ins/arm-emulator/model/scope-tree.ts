// The scope hierarchy: tenant root → management groups → subscriptions → resource groups → resources. RBAC is
// inherited downwards along it, and a request is listed at its own scope and at every scope above it (contract
// "Finding the scopes an admin can see"). ARM ids are case-insensitive, so every lookup is.

import type { ScopeNode } from "./records";

export const TENANT_ROOT_ID = "/";

const key = (id: string) => id.toLowerCase();

export class ScopeTree {
  private byId = new Map<string, ScopeNode>();
  private ancestorCache = new Map<string, readonly string[]>();

  constructor(nodes: readonly ScopeNode[]) {
    for (const node of nodes) this.byId.set(key(node.id), node);
  }

  find(id: string): ScopeNode | undefined {
    return this.byId.get(key(id));
  }

  all(): readonly ScopeNode[] {
    return [...this.byId.values()];
  }

  /** Lower-cased ids of the node and every scope above it, nearest first. */
  selfAndAncestors(id: string): readonly string[] {
    const cached = this.ancestorCache.get(key(id));
    if (cached) return cached;
    const chain: string[] = [];
    for (let node = this.find(id); node; node = node.parentId === undefined ? undefined : this.find(node.parentId)) chain.push(key(node.id));
    this.ancestorCache.set(key(id), chain);
    return chain;
  }

  /** Whether `inner` is `outer` or below it. */
  isWithin(inner: string, outer: string): boolean {
    return this.selfAndAncestors(inner).includes(key(outer));
  }

  /** The subscription a scope belongs to (itself for a subscription), if any. */
  subscriptionOf(id: string): ScopeNode | undefined {
    return this.selfAndAncestors(id)
      .map((ancestor) => this.byId.get(ancestor)!)
      .find((node) => node.type === "subscription");
  }
}
