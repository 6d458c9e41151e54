// Continuous Access Evaluation (contract "Errors": ARM issues claims challenges like Graph): POST
// /_arm/claims-challenge demands an authentication context; CP1 clients whose token's `acrs` lacks it get 401 with
// error="insufficient_claims" and the claims to ask for; other clients pass.

import { describe, expect, it } from "vitest";

import { ADMIN } from "../demo-tenant";
import { ARM_SCOPES, SEED_LANDMARKS } from "./seed";
import { ARM_TEST_ISSUER, ASSIGNMENT_REQUESTS, armHarnessForFile, pimPath } from "./test-harness";

const h = armHarnessForFile();
const list = pimPath(ARM_SCOPES.contosoProduction, ASSIGNMENT_REQUESTS);
const claimsFor = (context: string) => Buffer.from(JSON.stringify({ access_token: { acrs: { essential: true, value: context } } })).toString("base64");

describe("claims challenges", () => {
  it("challenges CP1 clients whose token lacks the demanded context, with ARM's WWW-Authenticate", async () => {
    await h.control("claims-challenge", {});
    const answer = await h.call(list, { token: await h.token(ADMIN, { capabilities: ["CP1"] }) });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toBe(
      `Bearer authorization_uri="${ARM_TEST_ISSUER}", error="insufficient_claims", error_description="Continuous access evaluation resulted in challenge with result: InteractionRequired and code: insufficient_claims", claims="${claimsFor("c1")}"`,
    );
    expect(answer.body.error.code).toBe("InvalidAuthenticationToken");
    // Without CP1 nothing changes; with the context in acrs the call passes.
    expect((await h.call(list, { token: await h.token(ADMIN) })).status).toBe(200);
    expect((await h.call(list, { token: await h.token(ADMIN, { capabilities: ["cp1"], authContexts: ["c1"] }) })).status).toBe(200);
  });

  it("narrows by method and path, lets `skip` calls through first, and never changes state when it challenges", async () => {
    await h.control("claims-challenge", { authContext: "c3", method: "POST", pathPattern: "/cancel$", skip: 1 });
    const token = await h.token(ADMIN, { capabilities: ["cp1"] });
    const cancel = (id: string) => h.call(`${id}/cancel?api-version=2020-10-01`, { token, method: "POST" });
    expect((await h.call(list, { token })).status).toBe(200);
    expect((await cancel(SEED_LANDMARKS.assignment.colleagueCancellable.id)).status).toBe(200);
    const challenged = await cancel(SEED_LANDMARKS.eligibility.colleagueCancellable.id);
    expect(challenged.status).toBe(401);
    expect(challenged.headers.get("www-authenticate")).toContain(`claims="${claimsFor("c3")}"`);
    expect((await h.control(`state/eligibility/${SEED_LANDMARKS.eligibility.colleagueCancellable.name}`)).body.status).toBe("PendingAdminDecision");
    expect((await h.control("claims-challenge")).body.claimsChallenges).toEqual([
      { authContext: "c3", method: "POST", pathPattern: "/cancel$", skip: 1, letThrough: 1, challenged: 1 },
    ]);
    await h.control("claims-challenge", undefined, "DELETE");
    expect((await cancel(SEED_LANDMARKS.eligibility.colleagueCancellable.id)).status).toBe(200);
  });
});
