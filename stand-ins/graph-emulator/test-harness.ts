// Test helpers: a throwaway signing key served from an in-test JWKS, tokens shaped like the identity provider's
// (oid, tid, scp, wids; optionally xms_cc and acrs), and a small client for the emulator. Not a test file itself.


import { SignJWT } from "jose";

import { callJson, harnessPerFile, startTestJwks, type CallInit, type JsonAnswer } from "../emulator-test-kit";

import { DEMO_TENANT_ID, GRAPH_DELEGATED_SCOPES, ROLE_TEMPLATE_IDS, type DemoPerson } from "../demo-tenant";
import { startGraphEmulator, type GraphEmulatorOptions } from "./server";

export const TEST_ISSUER = "http://test-idp.localhost";

export interface TokenOptions {
  /** The `scp` claim; default every scope in the catalogue (each test says what it withholds). */
  scopes?: readonly string[];
  /** The `tid` claim; default the person's tenant (Contoso unless `tenantId` says otherwise); null = no claim. */
  tenantId?: string | null;
  /** The `xms_cc` claim (client capabilities), e.g. ["cp1"]; absent by default. */
  capabilities?: readonly string[];
  /** The `acrs` claim (satisfied authentication contexts), e.g. ["c1"]; absent by default. */
  authContexts?: readonly string[];
  audience?: string;
  issuer?: string;
  /** Seconds from now; negative = already expired. */
  expiresIn?: number;
  /** Sign with a key the JWKS does not publish. */
  foreignKey?: boolean;
}

export type GraphAnswer = JsonAnswer;

export async function startHarness(options: GraphEmulatorOptions = {}) {
  const keys = await startTestJwks("test-key");
  const emulator = await startGraphEmulator({ port: 0, issuer: TEST_ISSUER, jwksUrl: keys.jwksUrl, throttlePer10s: 0, ...options });

  async function token(person: DemoPerson, opts: TokenOptions = {}): Promise<string> {
    const key = opts.foreignKey ? keys.foreignKey : keys.privateKey;
    const now = Math.floor(Date.now() / 1000);
    const tenantId = opts.tenantId === undefined ? (person.tenantId ?? DEMO_TENANT_ID) : opts.tenantId;
    return new SignJWT({
      oid: person.oid,
      ...(tenantId !== null ? { tid: tenantId } : {}),
      scp: (opts.scopes ?? GRAPH_DELEGATED_SCOPES).join(" "),
      wids: [...person.directoryRoles, ROLE_TEMPLATE_IDS.defaultUser],
      name: person.displayName,
      ...(opts.capabilities ? { xms_cc: [...opts.capabilities] } : {}),
      ...(opts.authContexts ? { acrs: [...opts.authContexts] } : {}),
    })
      .setProtectedHeader({ alg: "RS256", kid: "test-key" })
      .setIssuer(opts.issuer ?? TEST_ISSUER)
      .setAudience(opts.audience ?? "https://graph.microsoft.com")
      .setSubject(person.oid)
      .setIssuedAt(now - 60)
      .setExpirationTime(now + (opts.expiresIn ?? 3600))
      .sign(key);
  }

  const call = (path: string, init: CallInit = {}): Promise<GraphAnswer> => callJson(path.startsWith("http") ? path : `${emulator.url}${path}`, init);

  /** Follows @odata.nextLink verbatim until it is absent; returns every page. */
  async function allPages(path: string, bearer: string): Promise<GraphAnswer[]> {
    const pages: GraphAnswer[] = [];
    let next: string | undefined = path;
    while (next) {
      const page = await call(next, { token: bearer });
      if (page.status !== 200) throw new Error(`Page ${next} answered ${page.status}: ${page.text}`);
      pages.push(page);
      next = page.body["@odata.nextLink"];
    }
    return pages;
  }

  return {
    url: emulator.url,
    token,
    call,
    allPages,
    reset: () => call("/_emulator/reset", { method: "POST" }),
    async close() {
      await emulator.close();
      await keys.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export const PIM_GROUP_BASE = "/v1.0/identityGovernance/privilegedAccess/group";
export const AP_V1_BASE = "/v1.0/identityGovernance/entitlementManagement/assignmentRequests";
export const AP_BETA_OLD_BASE = "/beta/identityGovernance/entitlementManagement/accessPackageAssignmentRequests";
export const GOVERNANCE_BASE = "/beta/privilegedAccess";
export const PRIVILEGED_ROLE_BASE = "/beta/privilegedRoleAssignmentRequests";
export const ROLE_MANAGEMENT_BASE = "/v1.0/roleManagement/directory";

/**
 * One emulator for a whole test file, back to its seed before every test: starts it before the file's tests, stops
 * it after them. What it returns stands for the running harness (read it in tests and hooks, not at module load);
 * a file's own `beforeAll` registered after this call runs once the emulator is up.
 */
export function harnessForFile(options: GraphEmulatorOptions = {}): Harness {
  return harnessPerFile(() => startHarness(options), "emulator");
}
