// Test helpers: a throwaway signing key served from an in-test JWKS, ARM tokens shaped like the identity
// provider's (oid, tid, scp "user_impersonation", preferred_username; optionally xms_cc and acrs), and a small client
// for the emulator. Not a test file itself.


import { SignJWT } from "jose";

import { callJson, harnessPerFile, startTestJwks, type CallInit, type JsonAnswer } from "../emulator-test-kit";

import { DEMO_TENANT_ID, type DemoPerson } from "../demo-tenant";
import { ARM_DEFAULT_AUDIENCE, startArmEmulator, type ArmEmulatorOptions } from "./server";

export const ARM_TEST_ISSUER = "http://test-idp.localhost";

/** The schedule request paths of a scope id ("/subscriptions/…" → "/subscriptions/…/providers/Microsoft.Authorization/…"). */
export const ASSIGNMENT_REQUESTS = "providers/Microsoft.Authorization/roleAssignmentScheduleRequests";
export const ELIGIBILITY_REQUESTS = "providers/Microsoft.Authorization/roleEligibilityScheduleRequests";
export const PIM_API = "api-version=2020-10-01";

export interface ArmTokenOptions {
  /** `scp`; default ["user_impersonation"]. */
  scopes?: readonly string[];
  /** `tid`; default the person's tenant (Contoso unless the person says otherwise); null = no claim. */
  tenantId?: string | null;
  capabilities?: readonly string[];
  authContexts?: readonly string[];
  /** Default https://management.azure.com. */
  audience?: string;
  issuer?: string;
  /** Seconds from now; negative = already expired. */
  expiresIn?: number;
  /** Sign with a key the JWKS does not publish. */
  foreignKey?: boolean;
}

export type ArmAnswer = JsonAnswer;

export async function startArmHarness(options: ArmEmulatorOptions = {}) {
  const keys = await startTestJwks("arm-test-key");
  const emulator = await startArmEmulator({ port: 0, issuer: ARM_TEST_ISSUER, jwksUrl: keys.jwksUrl, throttle: false, ...options });

  async function token(person: DemoPerson, opts: ArmTokenOptions = {}): Promise<string> {
    const key = opts.foreignKey ? keys.foreignKey : keys.privateKey;
    const now = Math.floor(Date.now() / 1000);
    const tenantId = opts.tenantId === undefined ? (person.tenantId ?? DEMO_TENANT_ID) : opts.tenantId;
    return new SignJWT({
      oid: person.oid,
      ...(tenantId !== null ? { tid: tenantId } : {}),
      scp: (opts.scopes ?? ["user_impersonation"]).join(" "),
      name: person.displayName,
      preferred_username: person.userPrincipalName,
      ...(opts.capabilities ? { xms_cc: [...opts.capabilities] } : {}),
      ...(opts.authContexts ? { acrs: [...opts.authContexts] } : {}),
    })
      .setProtectedHeader({ alg: "RS256", kid: "arm-test-key" })
      .setIssuer(opts.issuer ?? ARM_TEST_ISSUER)
      .setAudience(opts.audience ?? ARM_DEFAULT_AUDIENCE)
      .setSubject(person.oid)
      .setIssuedAt(now - 60)
      .setExpirationTime(now + (opts.expiresIn ?? 3600))
      .sign(key);
  }

  const call = (path: string, init: CallInit = {}): Promise<ArmAnswer> => callJson(path.startsWith("http") ? path : `${emulator.url}${path}`, init);

  /** Follows nextLink verbatim until it is absent; returns every page. */
  async function allPages(path: string, bearer: string): Promise<ArmAnswer[]> {
    const pages: ArmAnswer[] = [];
    for (let next: string | undefined = path; next; ) {
      const answer = await call(next, { token: bearer });
      if (answer.status !== 200) throw new Error(`Page ${next} answered ${answer.status}: ${answer.text}`);
      pages.push(answer);
      next = answer.body.nextLink;
    }
    return pages;
  }

  /** Every item of a paged list. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON shapes
  const allItems = async (path: string, bearer: string): Promise<any[]> => (await allPages(path, bearer)).flatMap((p) => p.body.value);

  return {
    url: emulator.url,
    token,
    call,
    allPages,
    allItems,
    reset: () => call("/_arm/reset", { method: "POST" }),
    control: (path: string, body?: unknown, method?: string) => call(`/_arm/${path}`, { ...(body === undefined ? {} : { body }), ...(method ? { method } : {}) }),
    async close() {
      await emulator.close();
      await keys.close();
    },
  };
}

export type ArmHarness = Awaited<ReturnType<typeof startArmHarness>>;

/** `${scope}/providers/Microsoft.Authorization/<collection>[/name[/cancel]]?api-version=2020-10-01[&…]`. */
export function pimPath(scope: string, collection: string, rest = "", query = ""): string {
  const base = scope === "/" ? "" : scope;
  return `${base}/${collection}${rest ? `/${rest}` : ""}?${PIM_API}${query ? `&${query}` : ""}`;
}

/**
 * One emulator for a whole test file, back to its seed before every test. What it returns stands for the running
 * harness (use it in tests and hooks, not at module load).
 */
export function armHarnessForFile(options: ArmEmulatorOptions = {}): ArmHarness {
  return harnessPerFile(() => startArmHarness(options), "ARM emulator");
}
