// Which delegated Graph permissions the app holds, like Entra's oauth2PermissionGrants for the app registration:
// tenant-wide grants (consentType AllPrincipals, from admin consent) and grants for one person (consentType
// Principal). In memory, starting from demo-tenant.ts and back there after reset(); tokens are decided from these
// records when they are issued, so a change applies to the next token request.

import {
  ALL_DEMO_PEOPLE,
  CONSENT_ADMIN_ROLE_IDS,
  DEMO_TENANTS,
  GRAPH_DELEGATED_SCOPES,
  type DemoPerson,
  type GraphDelegatedScope,
} from "../demo-tenant";
import { homeTenantId } from "./claims";

/** What GET /_idp/consent answers: scopes in catalogue order, users only while they hold a grant of their own. */
export interface ConsentSnapshot {
  tenants: Record<string, GraphDelegatedScope[]>;
  users: Record<string, GraphDelegatedScope[]>;
}

/** Whether the person may grant tenant-wide consent to Graph permissions (Global or Privileged Role Administrator). */
export function mayGrantTenantConsent(person: Pick<DemoPerson, "directoryRoles">): boolean {
  return person.directoryRoles.some((role) => CONSENT_ADMIN_ROLE_IDS.includes(role));
}

function inCatalogueOrder(scopes: Iterable<string>): GraphDelegatedScope[] {
  const set = new Set(scopes);
  return GRAPH_DELEGATED_SCOPES.filter((s) => set.has(s));
}

export class ConsentRecords {
  readonly #tenants = new Map<string, Set<GraphDelegatedScope>>();
  readonly #users = new Map<string, Set<GraphDelegatedScope>>();

  constructor() {
    this.reset();
  }

  reset(): void {
    this.#tenants.clear();
    this.#users.clear();
    for (const tenant of DEMO_TENANTS) this.#tenants.set(tenant.id, new Set(tenant.adminConsentedScopes));
    for (const person of ALL_DEMO_PEOPLE) {
      if (person.userConsentedScopes?.length) this.#users.set(person.oid, new Set(person.userConsentedScopes));
    }
  }

  /** Tenant-wide grants ∪ the person's own, in catalogue order. */
  consentedFor(person: DemoPerson): GraphDelegatedScope[] {
    return inCatalogueOrder([...(this.#tenants.get(homeTenantId(person)) ?? []), ...(this.#users.get(person.oid) ?? [])]);
  }

  grantTenant(tenantId: string, scopes: Iterable<GraphDelegatedScope>): void {
    const set = this.#tenants.get(tenantId) ?? new Set();
    for (const s of scopes) set.add(s);
    this.#tenants.set(tenantId, set);
  }

  grantUser(oid: string, scopes: Iterable<GraphDelegatedScope>): void {
    const set = this.#users.get(oid) ?? new Set();
    for (const s of scopes) set.add(s);
    this.#users.set(oid, set);
  }

  revokeTenant(tenantId: string, scopes: Iterable<GraphDelegatedScope>): void {
    const set = this.#tenants.get(tenantId);
    for (const s of scopes) set?.delete(s);
  }

  revokeUser(oid: string, scopes: Iterable<GraphDelegatedScope>): void {
    const set = this.#users.get(oid);
    for (const s of scopes) set?.delete(s);
    if (set?.size === 0) this.#users.delete(oid);
  }

  snapshot(): ConsentSnapshot {
    const listed = (entries: Iterable<[string, Set<GraphDelegatedScope>]>) =>
      Object.fromEntries([...entries].map(([id, set]) => [id, inCatalogueOrder(set)]));
    return { tenants: listed(this.#tenants), users: listed([...this.#users].filter(([, set]) => set.size > 0)) };
  }
}
