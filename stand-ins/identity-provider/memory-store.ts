// Storage for oidc-provider's short-lived state (sessions, interactions, grants, codes, refresh tokens).
// In memory on purpose: a restart signs everyone out, as if Entra had revoked the sessions. Unlike oidc-provider's
// built-in development adapter it is private to one provider instance (tests and benchmarks can run several in a
// process) and has no 1,000-entry cap that would evict live sessions under load; expired entries are swept.

import type { Adapter, AdapterFactory, AdapterPayload } from "oidc-provider";

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds, or Infinity. */
  expiresAt: number;
}

/** Models whose entries belong to a grant and go when the grant is revoked. */
const GRANT_MEMBERS = new Set([
  "AccessToken",
  "AuthorizationCode",
  "RefreshToken",
  "DeviceCode",
  "BackchannelAuthenticationRequest",
  "PreAuthorizedCode",
]);

export class MemoryStore {
  readonly #entries = new Map<string, Entry>();
  readonly #byGrant = new Map<string, Set<string>>();
  readonly #sessionByUid = new Map<string, string>();
  readonly #byUserCode = new Map<string, string>();
  readonly #sweeper: NodeJS.Timeout;

  constructor(sweepIntervalMs = 60_000) {
    this.#sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
    this.#sweeper.unref();
  }

  /** The `adapter` option for oidc-provider's configuration. */
  readonly adapter: AdapterFactory = (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => {
        const k = key(id);
        this.#delete(k);
        const expiresAt = typeof expiresIn === "number" ? Date.now() + expiresIn * 1000 : Infinity;
        this.#entries.set(k, { payload, expiresAt });
        if (model === "Session" && payload.uid) this.#sessionByUid.set(payload.uid, id);
        if (payload.userCode) this.#byUserCode.set(payload.userCode, id);
        if (GRANT_MEMBERS.has(model) && payload.grantId) {
          const members = this.#byGrant.get(payload.grantId) ?? new Set<string>();
          members.add(k);
          this.#byGrant.set(payload.grantId, members);
        }
      },
      find: async (id) => this.#get(key(id)),
      findByUid: async (uid) => {
        const id = this.#sessionByUid.get(uid);
        return id === undefined ? undefined : this.#get(key(id));
      },
      findByUserCode: async (userCode) => {
        const id = this.#byUserCode.get(userCode);
        return id === undefined ? undefined : this.#get(key(id));
      },
      consume: async (id) => {
        const payload = this.#get(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        this.#delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const k of [...(this.#byGrant.get(grantId) ?? [])]) this.#delete(k);
        this.#byGrant.delete(grantId);
      },
    };
  };

  /** Drops expired entries. */
  sweep(now = Date.now()): void {
    for (const [k, entry] of this.#entries) if (entry.expiresAt <= now) this.#delete(k);
  }

  close(): void {
    clearInterval(this.#sweeper);
    this.#entries.clear();
    this.#byGrant.clear();
    this.#sessionByUid.clear();
    this.#byUserCode.clear();
  }

  #get(k: string): AdapterPayload | undefined {
    const entry = this.#entries.get(k);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#delete(k);
      return undefined;
    }
    return entry.payload;
  }

  #delete(k: string): void {
    const entry = this.#entries.get(k);
    if (!entry) return;
    this.#entries.delete(k);
    const id = k.slice(k.indexOf(":") + 1);
    const { uid, userCode, grantId } = entry.payload;
    if (k.startsWith("Session:") && uid && this.#sessionByUid.get(uid) === id) this.#sessionByUid.delete(uid);
    if (userCode && this.#byUserCode.get(userCode) === id) this.#byUserCode.delete(userCode);
    if (grantId) {
      const members = this.#byGrant.get(grantId);
      members?.delete(k);
      if (members?.size === 0) this.#byGrant.delete(grantId);
    }
  }
}
