// Azure RBAC, as far as the emulator needs it: a role assignment at a scope grants its role's actions there and at
// every scope below (inheritance), minus the role's NotActions; wildcards as Azure writes them ("*", "*/read",
// "Microsoft.Authorization/*"). Contract "Cancel rules": cancelling needs `…/cancel/action` at the scope.

import type { RoleAssignment, RoleDefinition } from "./records";
import type { ScopeTree } from "./scope-tree";

const patternOf = (wildcard: string) =>
  new RegExp(`^${wildcard.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&")).join(".*")}$`, "i");

interface CompiledRole {
  actions: RegExp[];
  notActions: RegExp[];
}

export class Rbac {
  private roles = new Map<string, CompiledRole>();

  constructor(
    private readonly tree: ScopeTree,
    roleDefinitions: readonly RoleDefinition[],
    private readonly assignments: readonly RoleAssignment[],
  ) {
    for (const role of roleDefinitions) {
      this.roles.set(role.guid, { actions: role.actions.map(patternOf), notActions: role.notActions.map(patternOf) });
    }
  }

  private permits(roleGuid: string, action: string): boolean {
    const role = this.roles.get(roleGuid);
    return !!role && role.actions.some((p) => p.test(action)) && !role.notActions.some((p) => p.test(action));
  }

  /** Whether the principal may perform `action` at a scope whose self-and-ancestor chain (lower-cased) is given. */
  can(principalId: string, action: string, chain: readonly string[]): boolean {
    return this.assignments.some(
      (a) => a.principalId === principalId && chain.includes(a.scopeId.toLowerCase()) && this.permits(a.roleGuid, action),
    );
  }

  /**
   * The roles the principal holds at a scope whose self-and-ancestor chain (lower-cased) is given, each once, in the
   * order they were assigned: what the permissions list reports (routes/permissions.ts).
   */
  rolesAt(principalId: string, chain: readonly string[]): string[] {
    const held = this.assignments.filter((a) => a.principalId === principalId && chain.includes(a.scopeId.toLowerCase())).map((a) => a.roleGuid);
    return [...new Set(held)];
  }

  /** Any role at, above or below the scope: ARM lists a subscription to anyone holding a role anywhere in it. */
  holdsRoleAround(principalId: string, scopeId: string): boolean {
    return this.assignments.some(
      (a) => a.principalId === principalId && (this.tree.isWithin(scopeId, a.scopeId) || this.tree.isWithin(a.scopeId, scopeId)),
    );
  }

  /** Any role at or above the scope (a management group is listed to those who hold a role on it or above). */
  holdsRoleAtOrAbove(principalId: string, scopeId: string): boolean {
    return this.assignments.some((a) => a.principalId === principalId && this.tree.isWithin(scopeId, a.scopeId));
  }
}
