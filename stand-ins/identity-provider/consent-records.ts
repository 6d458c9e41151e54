// Which delegated permissions the app holds, like Entra's oauth2PermissionGrants for the app registration:
// tenant-wide grants (consentType AllPrincipals, from admin consent) and grants for one person (consentType
// Principal), for Graph and for ARM. In memory, starting from demo-tenant.ts and back there after reset(); tokens are
// decided from these records when they are issued, so a change applies to the next token request.
//
// Permissions are kept as consent entries (scope-grant.ts): Graph's short names, ARM's fully qualified, so one
// list per tenant or person says what is granted for every API without ambiguity.

import {
  ALL_DEMO_PEOPLE,
  ARM_ADMIN_CONSENTED_TENANTS,
  CONSENT_ADMIN_ROLE_IDS,
  DEMO_TENANTS,
  type DemoPerson,
  type GraphDelegatedScope,
} from "../demo-tenant";
import { homeTenantId } from "./claims";
import { resourceApis, type ResourceApi, type ResourceApis } from "./resource-apis";

/**
 * What GET /_idp/consent answers: entries in catalogue order (Graph's, then ARM's), users only while they hold a grant
 * of their own.
 */
export interface ConsentSnapshot {
  tenants: Record<string, string[]>;
  users: Record<string, string[]>;
}

/**
 * Whether the person may grant tenant-wide consent (Global or Privileged Role Administrator; Entra lets them grant
 * Graph's permissions and ARM's user_impersonation alike).
 */
export function mayGrantTenantConsent(person: Pick<DemoPerson, "directoryRoles">): boolean {
  return person.directoryRoles.some((role) => CONSENT_ADMIN_ROLE_IDS.includes(role));
}

export class ConsentRecords {
  readonly #tenants = new Map<string, Set<string>>();
  readonly #users = new Map<string, Set<string>>();
  readonly #apis: ResourceApis;

  /** `apis` names the ARM address its entries are written with; default the global cloud's. */
  constructor(apis: ResourceApis = resourceApis()) {
    this.#apis = apis;
    this.reset();
  }

  reset(): void {
    this.#tenants.clear();
    this.#users.clear();
    for (const tenant of DEMO_TENANTS) {
      const arm = ARM_ADMIN_CONSENTED_TENANTS.includes(tenant.id) ? this.#apis.arm.catalogue : [];
      this.#tenants.set(tenant.id, new Set([...tenant.adminConsentedScopes, ...arm]));
    }
    for (const person of ALL_DEMO_PEOPLE) {
      if (person.userConsentedScopes?.length) this.#users.set(person.oid, new Set(person.userConsentedScopes));
    }
  }

  /** The person's Graph permissions: tenant-wide grants ∪ the person's own, in catalogue order. */
  consentedFor(person: DemoPerson): GraphDelegatedScope[] {
    return this.consentedTo(person, this.#apis.graph) as GraphDelegatedScope[];
  }

  /** The person's consent entries for one API: tenant-wide grants ∪ the person's own, in catalogue order. */
  consentedTo(person: DemoPerson, api: ResourceApi): string[] {
    const held = new Set([...(this.#tenants.get(homeTenantId(person)) ?? []), ...(this.#users.get(person.oid) ?? [])]);
    return api.catalogue.filter((entry) => held.has(entry));
  }

  grantTenant(tenantId: string, entries: Iterable<string>): void {
    const set = this.#tenants.get(tenantId) ?? new Set();
    for (const s of entries) set.add(s);
    this.#tenants.set(tenantId, set);
  }

  grantUser(oid: string, entries: Iterable<string>): void {
    const set = this.#users.get(oid) ?? new Set();
    for (const s of entries) set.add(s);
    this.#users.set(oid, set);
  }

  revokeTenant(tenantId: string, entries: Iterable<string>): void {
    const set = this.#tenants.get(tenantId);
    for (const s of entries) set?.delete(s);
  }

  revokeUser(oid: string, entries: Iterable<string>): void {
    const set = this.#users.get(oid);
    for (const s of entries) set?.delete(s);
    if (set?.size === 0) this.#users.delete(oid);
  }

  snapshot(): ConsentSnapshot {
    const inOrder = (set: Set<string>) => this.#apis.all.flatMap((api) => api.catalogue.filter((entry) => set.has(entry)));
    const listed = (entries: Iterable<[string, Set<string>]>) => Object.fromEntries([...entries].map(([id, set]) => [id, inOrder(set)]));
    return { tenants: listed(this.#tenants), users: listed([...this.#users].filter(([, set]) => set.size > 0)) };
  }
}
