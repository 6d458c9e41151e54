import { describe, expect, it } from "vitest";

import { ADMIN } from "../demo-tenant";
import { SEED_LANDMARKS } from "./seed";
import { PIM_GROUP_BASE, harnessForFile } from "./test-harness";

// The two failures a cancel pipeline must survive, as tests set them: an expired token, and a cancel carried out
// whose answer is lost.

const h = harnessForFile();
const ASSIGNMENTS = `${PIM_GROUP_BASE}/assignmentScheduleRequests`;
const { adminCancellable, colleagueCancellable } = SEED_LANDMARKS.groupAssignment;
const stored = async (id: string): Promise<string> => (await h.call(`/_emulator/state/groupAssignmentScheduleRequests/${id}`)).body.status;

describe("token expiry", () => {
  it("answers the next N calls as Graph answers an expired token, changes nothing, then accepts the token again", async () => {
    const token = await h.token(ADMIN);
    const set = await h.call("/_emulator/token-expiry", { body: { times: 2 } });
    expect(set.body.tokenExpiry).toEqual([{ times: 2, remaining: 2 }]);
    for (let i = 0; i < 2; i++) {
      const refused = await h.call(`${ASSIGNMENTS}/${adminCancellable.id}/cancel`, { method: "POST", token });
      expect(refused.status).toBe(401);
      expect(refused.body.error).toMatchObject({ code: "InvalidAuthenticationToken", message: "Lifetime validation failed, the token is expired." });
      // A plain Bearer challenge: no claims to satisfy, the client needs a new token.
      expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(refused.headers.get("www-authenticate")).not.toContain("insufficient_claims");
    }
    expect(await stored(adminCancellable.id)).toBe(adminCancellable.status);
    expect((await h.call(`${ASSIGNMENTS}/${adminCancellable.id}/cancel`, { method: "POST", token })).status).toBe(204);
    expect((await h.call("/_emulator/token-expiry")).body.tokenExpiry).toEqual([]);
  });

  it("refuses a whole $batch envelope without a pattern, and only matching items with one", async () => {
    const token = await h.token(ADMIN);
    const requests = [adminCancellable, colleagueCancellable].map((r, i) => ({ id: String(i), method: "POST", url: `${ASSIGNMENTS.replace("/v1.0", "")}/${r.id}/cancel` }));
    await h.call("/_emulator/token-expiry", { body: {} });
    expect((await h.call("/v1.0/$batch", { token, body: { requests } })).status).toBe(401);

    await h.call("/_emulator/token-expiry", { body: { pathPattern: `${colleagueCancellable.id}/cancel$` } });
    const answer = await h.call("/v1.0/$batch", { token, body: { requests } });
    expect(answer.status).toBe(200);
    const statuses = Object.fromEntries((answer.body.responses as Array<{ id: string; status: number }>).map((r) => [r.id, r.status]));
    expect(statuses).toEqual({ "0": 204, "1": 401 });
    expect(await stored(colleagueCancellable.id)).toBe(colleagueCancellable.status);
  });

  it("refuses a bad pattern and a bad body, and is cleared by DELETE and by reset", async () => {
    expect((await h.call("/_emulator/token-expiry", { body: { pathPattern: "(" } })).status).toBe(400);
    expect((await h.call("/_emulator/token-expiry", { body: { times: 0 } })).status).toBe(400);
    await h.call("/_emulator/token-expiry", { body: { times: 3 } });
    await h.call("/_emulator/token-expiry", { method: "DELETE" });
    expect((await h.call("/_emulator/token-expiry")).body.tokenExpiry).toEqual([]);
    await h.call("/_emulator/token-expiry", { body: { times: 3 } });
    await h.call("/_emulator/reset", { method: "POST" });
    expect((await h.call("/_emulator/token-expiry")).body.tokenExpiry).toEqual([]);
  });
});

describe("lost answers", () => {
  it("carries the next cancel out and answers 504; the retry is then refused because it is done", async () => {
    const token = await h.token(ADMIN);
    await h.call("/_emulator/lost-answers", { body: {} });
    const first = await h.call(`${ASSIGNMENTS}/${adminCancellable.id}/cancel`, { method: "POST", token });
    expect(first.status).toBe(504);
    expect(first.body.error.code).toBe("gatewayTimeout");
    expect(await stored(adminCancellable.id)).toBe("Canceled");
    const retry = await h.call(`${ASSIGNMENTS}/${adminCancellable.id}/cancel`, { method: "POST", token });
    expect(retry.status).toBe(400);
    expect((await h.call("/_emulator/lost-answers")).body.lostAnswers).toEqual([
      { times: 1, status: 504, method: "POST", pathPattern: "/cancel$", remaining: 0, lost: 1 },
    ]);
  });

  it("loses only answers of calls that succeeded: a refused cancel keeps its own answer", async () => {
    const token = await h.token(ADMIN);
    await h.call("/_emulator/lost-answers", { body: { status: 503, times: 1 } });
    const unknown = await h.call(`${ASSIGNMENTS}/00000000-0000-4000-8000-000000000000/cancel`, { method: "POST", token });
    expect(unknown.status).not.toBe(503);
    const cancelled = await h.call(`${ASSIGNMENTS}/${colleagueCancellable.id}/cancel`, { method: "POST", token });
    expect(cancelled.status).toBe(503);
    expect(await stored(colleagueCancellable.id)).toBe("Canceled");
  });

  it("refuses statuses other than 503 and 504", async () => {
    expect((await h.call("/_emulator/lost-answers", { body: { status: 500 } })).status).toBe(400);
  });
});
