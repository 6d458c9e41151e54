// One runtime per tenant. Graph serves each tenant its own directory, chosen by the access token's `tid` claim; a
// $batch envelope's token chooses for its items too (they carry the same token, contract §8.2).

import { decodeJwt } from "jose";

import { bearerChallenge } from "./auth";
import { GraphError } from "./graph-error";
import type { RequestLog } from "./request-log";
import type { EmulatorRuntime } from "./runtime";
import type { Caller } from "./types";

export interface EmulatorTenants {
  /** The first tenant: it answers calls without a usable `tid`, and the control endpoints act on it by default. */
  readonly home: EmulatorRuntime;
  readonly all: readonly EmulatorRuntime[];
  readonly log: RequestLog;
  find(tenantId: string): EmulatorRuntime | undefined;
  /** The tenant a bearer token names, else the home tenant (whose pipeline then refuses the token). */
  forAuthorization(authorization: string | undefined): EmulatorRuntime;
  /** Every tenant back to its seed; the log is emptied. */
  reset(): void;
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function createTenants(runtimes: readonly EmulatorRuntime[]): EmulatorTenants {
  const home = runtimes[0];
  if (!home) throw new Error("The emulator needs at least one tenant.");
  const find = (tenantId: string) => runtimes.find((r) => sameId(r.tenantId, tenantId));
  return {
    home,
    all: runtimes,
    log: home.log,
    find,
    // Choosing before verification is safe: the chosen runtime's pipeline verifies the same token and then
    // requires its `tid` to be that runtime's (requireTenant), so a forged `tid` gets nowhere.
    forAuthorization(authorization) {
      const token = /^Bearer\s+(\S+)/i.exec(authorization?.trim() ?? "")?.[1];
      if (!token) return home;
      try {
        const tid = decodeJwt(token).tid;
        return (typeof tid === "string" && find(tid)) || home;
      } catch {
        return home;
      }
    },
    reset() {
      for (const runtime of runtimes) runtime.reset();
    },
  };
}

/**
 * A verified token for a tenant this emulator does not serve (or without `tid`). **Inference**: Graph refuses a
 * token for an unknown tenant with 401 InvalidAuthenticationToken; the exact message is not documented.
 */
export function requireTenant(caller: Caller, runtime: EmulatorRuntime): void {
  if (caller.tenantId !== undefined && sameId(caller.tenantId, runtime.tenantId)) return;
  const which = caller.tenantId === undefined ? "The token has no 'tid' claim" : `The tenant '${caller.tenantId}' is not known`;
  throw new GraphError(401, "InvalidAuthenticationToken", `Access token validation failure. ${which}: no tenant served here matches it.`, bearerChallenge(runtime.issuer));
}
