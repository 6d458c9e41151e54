// The parts of the tenant that never change while the emulator runs (scopes, role definitions, principals, RBAC),
// indexed for the routes. Requests, which cancel changes, live in engine/state.ts.

import type { ArmPrincipal, ArmSeed, RoleDefinition } from "./records";
import { Rbac } from "./rbac";
import { ScopeTree } from "./scope-tree";

export class ArmDirectory {
  readonly tree: ScopeTree;
  readonly rbac: Rbac;
  private principals: Map<string, ArmPrincipal>;
  private roles: Map<string, RoleDefinition>;

  constructor(seed: ArmSeed) {
    this.tree = new ScopeTree(seed.scopes);
    this.rbac = new Rbac(this.tree, seed.roleDefinitions, seed.roleAssignments);
    this.principals = new Map(seed.principals.map((p) => [p.id, p]));
    this.roles = new Map(seed.roleDefinitions.map((r) => [r.guid, r]));
  }

  principal(id: string): ArmPrincipal | undefined {
    return this.principals.get(id);
  }

  role(guid: string): RoleDefinition | undefined {
    return this.roles.get(guid);
  }
}
