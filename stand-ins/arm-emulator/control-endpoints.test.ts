// The test-only control endpoints under /_arm (README "Control endpoints"): reset, request log, faults, config,
// status changes and stored state.

import { describe, expect, it } from "vitest";

import { ADMIN } from "../demo-tenant";
import { ARM_SCOPES, SEED_LANDMARKS } from "./seed";
import { ASSIGNMENT_REQUESTS, armHarnessForFile, pimPath } from "./test-harness";

const h = armHarnessForFile();
const A = SEED_LANDMARKS.assignment;
const list = pimPath(ARM_SCOPES.contosoProduction, ASSIGNMENT_REQUESTS);

describe("control endpoints", () => {
  it("logs each ARM call with method, path, query, status, time and request id", async () => {
    const token = await h.token(ADMIN);
    const answer = await h.call(`${list}&$filter=atScope()`, { token });
    await h.call(`${A.adminNotCancellable.id}/cancel?api-version=2020-10-01`, { token, method: "POST" });
    const log = (await h.control("requests")).body;
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      method: "GET",
      path: `${ARM_SCOPES.contosoProduction}/providers/Microsoft.Authorization/roleAssignmentScheduleRequests`,
      query: { "api-version": "2020-10-01", $filter: "atScope()" },
      status: 200,
      requestId: answer.headers.get("x-ms-request-id"),
    });
    expect(Date.parse(log[0].time)).not.toBeNaN();
    expect(log[1]).toMatchObject({ method: "POST", status: 400 });
    await h.control("requests", undefined, "DELETE");
    expect((await h.control("requests")).body).toEqual([]);
  });

  it("injects faults by method and path pattern, a given number of times", async () => {
    const token = await h.token(ADMIN);
    const set = await h.control("faults", { method: "POST", pathPattern: "/cancel$", status: 429, times: 1, retryAfterSeconds: 3 });
    expect(set.body.faults).toEqual([{ method: "POST", pathPattern: "/cancel$", status: 429, times: 1, remaining: 1, retryAfterSeconds: 3 }]);
    expect((await h.call(list, { token })).status).toBe(200);
    const cancel = () => h.call(`${A.colleagueCancellable.id}/cancel?api-version=2020-10-01`, { token, method: "POST" });
    const throttled = await cancel();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("3");
    expect(throttled.body.error.code).toBe("TooManyRequests");
    expect((await h.control(`state/assignment/${A.colleagueCancellable.name}`)).body.status).toBe("PendingApproval");
    expect((await cancel()).status).toBe(200);
    expect((await h.control("faults")).body.faults).toEqual([]);

    await h.control("faults", [{ pathPattern: "roleAssignmentScheduleRequests$", status: 503, times: 2 }]);
    const unavailable = await h.call(list, { token });
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get("retry-after")).toBe("1");
    expect(unavailable.body.error.code).toBe("ServiceUnavailable");
    await h.control("faults", undefined, "DELETE");
    expect((await h.call(list, { token })).status).toBe(200);
    expect((await h.control("faults", { pathPattern: "(", status: 500 })).status).toBe(400);
  });

  it("changes page size and latency at run time, and reset restores them", async () => {
    const token = await h.token(ADMIN);
    const config = await h.control("config", { pageSize: 2, latencyMs: 150 });
    expect(config.body).toMatchObject({ pageSize: 2, latencyMs: 150 });
    const started = Date.now();
    const answer = await h.call(list, { token });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(answer.body.value).toHaveLength(2);
    expect((await h.control("config", { pageSize: 0 })).status).toBe(400);
    await h.reset();
    expect((await h.control("config")).body).toMatchObject({ pageSize: 50, latencyMs: 0 });
  });

  it("sets a request's status (e.g. approved meanwhile) and shows the stored state", async () => {
    const token = await h.token(ADMIN);
    const set = await h.control(`requests/roleAssignmentScheduleRequests/${A.colleagueCancellable.name}`, { status: "provisioned" });
    expect(set.status).toBe(200);
    expect(set.body.status).toBe("Provisioned");
    const cancel = await h.call(`${A.colleagueCancellable.id}/cancel?api-version=2020-10-01`, { token, method: "POST" });
    expect(cancel.body.error.code).toBe("RequestCannotBeCancelled");
    expect((await h.control(`requests/assignment/${A.colleagueCancellable.name}`, { status: "Approved" })).status).toBe(400);
    expect((await h.control("requests/somethingElse/x", { status: "Granted" })).status).toBe(404);
    expect((await h.control("requests/assignment/00000000-0000-0000-0000-000000000000", { status: "Granted" })).status).toBe(404);
    const all = await h.control("state/eligibility");
    expect(all.body.length).toBeGreaterThan(20);
    await h.reset();
    expect((await h.control(`state/assignment/${A.colleagueCancellable.name}`)).body.status).toBe("PendingApproval");
  });
});
