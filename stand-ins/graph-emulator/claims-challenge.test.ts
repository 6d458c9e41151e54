import { describe, expect, it } from "vitest";

import { ADMIN } from "../demo-tenant";
import { SEED_LANDMARKS } from "./seed";
import { PIM_GROUP_BASE, TEST_ISSUER, harnessForFile } from "./test-harness";

const h = harnessForFile();

const CHALLENGE = "/_emulator/claims-challenge";
const ASSIGNMENTS = `${PIM_GROUP_BASE}/assignmentScheduleRequests`;
const CLAIMS_C1 = "eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJlc3NlbnRpYWwiOnRydWUsInZhbHVlIjoiYzEifX19";
const EXPECTED_HEADER = `Bearer realm="", authorization_uri="${TEST_ISSUER}/auth", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="${CLAIMS_C1}"`;
const CAE_MESSAGE = "Continuous access evaluation resulted in challenge with result: InteractionRequired and code: insufficient_claims";

/** A token from a client that declared the CP1 capability (it can answer claims challenges). */
const cp1Token = (authContexts?: string[]) => h.token(ADMIN, { capabilities: ["cp1"], ...(authContexts ? { authContexts } : {}) });
const cancelPath = (id: string) => `${ASSIGNMENTS}/${id}/cancel`;
const storedStatus = async (id: string) => (await h.call(`/_emulator/state/groupAssignmentScheduleRequests/${id}`)).body.status;

describe("claims challenges (Continuous Access Evaluation)", () => {
  it("answers a CP1 client without the auth context 401 insufficient_claims, with Graph's body and challenge header", async () => {
    const set = await h.call(CHALLENGE, { body: {} });
    expect(set.body.claimsChallenges).toEqual([{ authContext: "c1", skip: 0, letThrough: 0, challenged: 0 }]);
    const answer = await h.call("/v1.0/me", { token: await cp1Token(), headers: { "client-request-id": "abc-123" } });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toMatchObject({ code: "InvalidAuthenticationToken", message: CAE_MESSAGE });
    expect(answer.body.error.innerError).toMatchObject({ "client-request-id": "abc-123", "request-id": answer.headers.get("request-id") });
    expect(answer.body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(answer.headers.get("www-authenticate")).toBe(EXPECTED_HEADER);
    // Standard base64 with padding of the claims request the client hands back to the identity provider.
    expect(JSON.parse(Buffer.from(CLAIMS_C1, "base64").toString("utf8"))).toEqual({ access_token: { acrs: { essential: true, value: "c1" } } });
    expect((await h.call(CHALLENGE)).body.claimsChallenges[0]).toMatchObject({ challenged: 1 });
  });

  it("lets through clients without CP1, and tokens that carry the auth context", async () => {
    await h.call(CHALLENGE, { body: { authContext: "c2" } });
    expect((await h.call("/v1.0/me", { token: await h.token(ADMIN) })).status).toBe(200);
    expect((await h.call("/v1.0/me", { token: await cp1Token(["c2"]) })).status).toBe(200);
    // CP1 is matched case-insensitively; c1 is not the context this demand asks for.
    const challenged = await h.call("/v1.0/me", { token: await h.token(ADMIN, { capabilities: ["CP1"], authContexts: ["c1"] }) });
    expect(challenged.status).toBe(401);
    expect(challenged.headers.get("www-authenticate")).toContain(`claims="${Buffer.from('{"access_token":{"acrs":{"essential":true,"value":"c2"}}}').toString("base64")}"`);
  });

  it("matches method and path, lets the first `skip` matching calls through, and a challenged cancel changes nothing", async () => {
    const [first, second] = [SEED_LANDMARKS.groupAssignment.adminCancellable, SEED_LANDMARKS.groupAssignment.colleagueCancellable];
    await h.call(CHALLENGE, { body: { method: "POST", pathPattern: "/cancel$", skip: 1 } });
    const token = await cp1Token();
    expect((await h.call(`${ASSIGNMENTS}/${second.id}`, { token })).status).toBe(200);
    expect((await h.call(cancelPath(first.id), { method: "POST", token })).status).toBe(204);
    const refused = await h.call(cancelPath(second.id), { method: "POST", token });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toBe(CAE_MESSAGE);
    expect(await storedStatus(second.id)).toBe(second.status);
    // After the step-up the same cancel goes through.
    expect((await h.call(cancelPath(second.id), { method: "POST", token: await cp1Token(["c1"]) })).status).toBe(204);
    expect((await h.call(CHALLENGE)).body.claimsChallenges).toEqual([
      { authContext: "c1", method: "POST", pathPattern: "/cancel$", skip: 1, letThrough: 1, challenged: 1 },
    ]);
  });

  it("challenges $batch items one by one, with the header in the item's headers; the envelope stays 200", async () => {
    const target = SEED_LANDMARKS.groupAssignment.colleagueCancellable;
    await h.call(CHALLENGE, { body: { pathPattern: "/cancel$" } });
    const batch = await h.call("/v1.0/$batch", {
      token: await cp1Token(),
      body: {
        requests: [
          { id: "read", method: "GET", url: "/me" },
          { id: "cancel", method: "POST", url: `/identityGovernance/privilegedAccess/group/assignmentScheduleRequests/${target.id}/cancel` },
        ],
      },
    });
    expect(batch.status).toBe(200);
    const [read, cancel] = batch.body.responses;
    expect(read.status).toBe(200);
    expect(cancel).toMatchObject({ id: "cancel", status: 401, body: { error: { code: "InvalidAuthenticationToken", message: CAE_MESSAGE } } });
    expect(cancel.headers["WWW-Authenticate"]).toBe(EXPECTED_HEADER);
    expect(await storedStatus(target.id)).toBe(target.status);
  });

  it("is checked before the rate limit, and logged like any refused call", async () => {
    await h.call("/_emulator/config", { body: { throttlePer10s: 1 } });
    await h.call(CHALLENGE, { body: {} });
    const token = await cp1Token();
    for (let i = 0; i < 3; i++) expect((await h.call("/v1.0/me", { token })).status).toBe(401);
    expect((await h.call("/_emulator/requests")).body.map((c: { status: number }) => c.status)).toEqual([401, 401, 401]);
  });

  it("is listed, cleared by DELETE and by reset, and refuses bad demands", async () => {
    await h.call(CHALLENGE, { body: [{ authContext: "c3", method: "GET" }, { pathPattern: "^/beta/" }] });
    expect((await h.call(CHALLENGE)).body.claimsChallenges).toHaveLength(2);
    expect((await h.call(CHALLENGE, { method: "DELETE" })).body.claimsChallenges).toEqual([]);
    await h.call(CHALLENGE, { body: {} });
    await h.reset();
    expect((await h.call(CHALLENGE)).body.claimsChallenges).toEqual([]);
    expect((await h.call("/v1.0/me", { token: await cp1Token() })).status).toBe(200);
    expect((await h.call(CHALLENGE, { body: { authContext: "mfa" } })).status).toBe(400);
    expect((await h.call(CHALLENGE, { body: { pathPattern: "(" } })).status).toBe(400);
    expect((await h.call(CHALLENGE, { body: { skip: -1 } })).status).toBe(400);
    expect((await h.call(CHALLENGE, { body: { times: 2 } })).status).toBe(400);
  });
});
