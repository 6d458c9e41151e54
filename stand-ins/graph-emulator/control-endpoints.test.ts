import { describe, expect, it } from "vitest";

import { ADMIN, MEGAN } from "../demo-tenant";
import { SEED_LANDMARKS } from "./seed";
import { AP_V1_BASE, PIM_GROUP_BASE, harnessForFile } from "./test-harness";

const h = harnessForFile();

const ASSIGNMENTS = `${PIM_GROUP_BASE}/assignmentScheduleRequests`;

describe("fault injection", () => {
  it("fails the next N matching calls with the given status and Retry-After, then recovers", async () => {
    const token = await h.token(ADMIN);
    const set = await h.call("/_emulator/faults", { body: { pathPattern: "^/v1.0/groups$", status: 503, times: 2, retryAfterSeconds: 0.5 } });
    expect(set.body.faults).toEqual([expect.objectContaining({ pathPattern: "^/v1.0/groups$", remaining: 2 })]);
    for (let i = 0; i < 2; i++) {
      const failed = await h.call("/v1.0/groups", { token });
      expect(failed.status).toBe(503);
      expect(failed.headers.get("retry-after")).toBe("0.5");
      expect(failed.body.error.code).toBe("serviceNotAvailable");
    }
    expect((await h.call("/v1.0/groups", { token })).status).toBe(200);
    expect((await h.call("/_emulator/faults")).body.faults).toEqual([]);
  });

  it("matches on method, takes an array, and can be cleared", async () => {
    const token = await h.token(ADMIN);
    await h.call("/_emulator/faults", {
      body: [
        { method: "POST", pathPattern: "/cancel$", status: 500, times: 5 },
        { pathPattern: "/me$", status: 429, times: 1 },
      ],
    });
    expect((await h.call(`${ASSIGNMENTS}/${SEED_LANDMARKS.groupAssignment.adminCancellable.id}`, { token })).status).toBe(200);
    const cancel = await h.call(`${ASSIGNMENTS}/${SEED_LANDMARKS.groupAssignment.adminCancellable.id}/cancel`, { method: "POST", token });
    expect(cancel.status).toBe(500);
    expect(cancel.body.error.code).toBe("generalException");
    const throttled = await h.call("/v1.0/me", { token });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("1");
    await h.call("/_emulator/faults", { method: "DELETE" });
    expect((await h.call(`${ASSIGNMENTS}/${SEED_LANDMARKS.groupAssignment.adminCancellable.id}/cancel`, { method: "POST", token })).status).toBe(204);
  });

  it("rejects malformed fault rules", async () => {
    expect((await h.call("/_emulator/faults", { body: { status: 429 } })).status).toBe(400);
    expect((await h.call("/_emulator/faults", { body: { pathPattern: "(", status: 429 } })).status).toBe(400);
  });
});

describe("rate limiter", () => {
  it("answers 429 with Retry-After once a caller exceeds the per-10-second budget", async () => {
    await h.call("/_emulator/config", { body: { throttlePer10s: 3 } });
    const admin = await h.token(ADMIN);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await h.call("/v1.0/me", { token: admin })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const last = await h.call("/v1.0/me", { token: admin });
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(last.body.error.code).toBe("TooManyRequests");
    // Another caller has their own bucket.
    expect((await h.call("/v1.0/me", { token: await h.token(MEGAN) })).status).toBe(200);
  });
});

describe("request log", () => {
  it("records method, path, query, status and batch origin, but never the token", async () => {
    const token = await h.token(ADMIN);
    await h.call("/_emulator/requests", { method: "DELETE" });
    await h.call("/v1.0/groups?$select=id&$top=2", { token });
    await h.call("/v1.0/$batch", { token, body: { requests: [{ id: "1", method: "GET", url: "/me" }] } });
    const log = await h.call("/_emulator/requests");
    expect(log.body).toEqual([
      expect.objectContaining({ method: "GET", path: "/v1.0/groups", query: { $select: "id", $top: "2" }, status: 200, viaBatch: false }),
      expect.objectContaining({ method: "GET", path: "/v1.0/me", status: 200, viaBatch: true }),
      expect.objectContaining({ method: "POST", path: "/v1.0/$batch", status: 200, viaBatch: false }),
    ]);
    expect(Date.parse(log.body[0].time)).not.toBeNaN();
    expect(log.text).not.toContain(token);
    expect(log.text).not.toContain(token.split(".")[1]);
    await h.call("/_emulator/requests", { method: "DELETE" });
    expect((await h.call("/_emulator/requests")).body).toEqual([]);
  });
});

describe("state, entities and reset", () => {
  it("changes a request's status behind the app's back, so a later cancel is refused", async () => {
    const target = SEED_LANDMARKS.accessPackage.colleagueCancellable;
    const changed = await h.call(`/_emulator/entities/accessPackageAssignmentRequests/${target.id}`, { body: { status: "Delivered" } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: target.id, status: "Delivered", state: "delivered" });
    const cancel = await h.call(`${AP_V1_BASE}/${target.id}/cancel`, { method: "POST", token: await h.token(ADMIN) });
    expect(cancel.body.error.code).toBe("RequestCannotBeCancelled");
    const group = SEED_LANDMARKS.groupAssignment.colleagueCancellable;
    expect((await h.call(`/_emulator/entities/groupAssignmentScheduleRequests/${group.id}`, { body: { status: "provisioned" } })).body.status).toBe("Provisioned");
  });

  it("answers 404 for unknown collections or ids and 400 for unknown statuses", async () => {
    expect((await h.call("/_emulator/entities/nope/x", { body: { status: "Denied" } })).status).toBe(404);
    expect((await h.call("/_emulator/entities/groupEligibilityScheduleRequests/nope", { body: { status: "Denied" } })).status).toBe(404);
    const id = SEED_LANDMARKS.accessPackage.meganCancellable.id;
    expect((await h.call(`/_emulator/entities/accessPackageAssignmentRequests/${id}`, { body: { status: "Exploded" } })).status).toBe(400);
    expect((await h.call(`/_emulator/entities/accessPackageAssignmentRequests/${id}`, { body: {} })).status).toBe(400);
    expect((await h.call("/_emulator/state/groupAssignmentScheduleRequests/nope")).status).toBe(404);
  });

  it("shows the stored record, and reset restores the seed, faults, config and log", async () => {
    const target = SEED_LANDMARKS.groupEligibility.meganCancellable;
    const token = await h.token(MEGAN);
    expect((await h.call(`${PIM_GROUP_BASE}/eligibilityScheduleRequests/${target.id}/cancel`, { method: "POST", token })).status).toBe(204);
    const stored = await h.call(`/_emulator/state/groupEligibilityScheduleRequests/${target.id}`);
    expect(stored.body).toMatchObject({ id: target.id, status: "Canceled", principalId: MEGAN.oid });
    await h.call("/_emulator/faults", { body: { pathPattern: ".", status: 500, times: 99 } });
    await h.call("/_emulator/config", { body: { pageSize: 2 } });

    expect((await h.call("/_emulator/reset", { method: "POST" })).body).toEqual({ status: "reset" });
    expect((await h.call(`/_emulator/state/groupEligibilityScheduleRequests/${target.id}`)).body.status).toBe(target.status);
    expect((await h.call("/_emulator/faults")).body.faults).toEqual([]);
    expect((await h.call("/_emulator/config")).body.pageSize).toBe(50);
    expect((await h.call("/_emulator/requests")).body).toEqual([]);
    expect((await h.call("/_emulator/state/accessPackageAssignmentRequests")).body).toHaveLength(23);
  });

  it("a call still waiting out its latency when the tenant is reset changes nothing after the reset", async () => {
    const target = SEED_LANDMARKS.groupAssignment.colleagueCancellable;
    await h.call("/_emulator/config", { body: { latencyMs: 300 } });
    const late = h.call(`${ASSIGNMENTS}/${target.id}/cancel`, { method: "POST", token: await h.token(ADMIN) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await h.call("/_emulator/reset", { method: "POST" });
    await h.call("/_emulator/faults", { body: { pathPattern: "/cancel$", status: 503, times: 1 } });

    // Answered against the tenant it was sent to…
    expect((await late).status).toBe(204);
    // …while the new one keeps the seeded request, the fault meant for the next test's call, and an empty log.
    expect((await h.call(`/_emulator/state/groupAssignmentScheduleRequests/${target.id}`)).body.status).toBe(target.status);
    expect((await h.call("/_emulator/faults")).body.faults).toEqual([expect.objectContaining({ remaining: 1 })]);
    expect((await h.call("/_emulator/requests")).body).toEqual([]);
  });

  it("a $batch item that waits for another (dependsOn) across a reset still belongs to the tenant before it", async () => {
    const first = SEED_LANDMARKS.groupAssignment.colleagueCancellable;
    const second = SEED_LANDMARKS.groupAssignment.adminCancellable;
    await h.call("/_emulator/config", { body: { latencyMs: 200 } });
    const late = h.call("/v1.0/$batch", {
      method: "POST",
      token: await h.token(ADMIN),
      body: {
        requests: [
          { id: "1", method: "POST", url: `/identityGovernance/privilegedAccess/group/assignmentScheduleRequests/${first.id}/cancel` },
          { id: "2", method: "POST", url: `/identityGovernance/privilegedAccess/group/assignmentScheduleRequests/${second.id}/cancel`, dependsOn: ["1"] },
        ],
      },
    });
    // During the first item's latency; the second has not started yet.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await h.call("/_emulator/reset", { method: "POST" });

    expect((await late).body.responses.map((r: { status: number }) => r.status)).toEqual([204, 204]);
    for (const landmark of [first, second]) {
      expect((await h.call(`/_emulator/state/groupAssignmentScheduleRequests/${landmark.id}`)).body.status).toBe(landmark.status);
    }
    expect((await h.call("/_emulator/requests")).body).toEqual([]);
  });

  it("rejects invalid config", async () => {
    expect((await h.call("/_emulator/config", { body: { dCancelSuccessStatus: 201 } })).status).toBe(400);
    expect((await h.call("/_emulator/config", { body: { pageSize: 0 } })).status).toBe(400);
  });
});
