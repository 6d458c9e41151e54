// Throttling (contract "Errors, throttling, ids"): token buckets per principal, separate for reads and writes,
// 429 TooManyRequests with Retry-After in seconds, and the remaining quota on every answer
// (x-ms-ratelimit-remaining-subscription-* for subscription calls, -tenant-* for tenant-level ones).

import { describe, expect, it } from "vitest";

import { ADMIN, LEE } from "../demo-tenant";
import { ARM_SCOPES, SEED_LANDMARKS } from "./seed";
import { ASSIGNMENT_REQUESTS, armHarnessForFile, pimPath } from "./test-harness";

const h = armHarnessForFile({ throttle: { enabled: true, readsBurst: 3, readsPerSecond: 0.5, writesBurst: 2, writesPerSecond: 0.25 } });
const list = pimPath(ARM_SCOPES.contosoProduction, ASSIGNMENT_REQUESTS);

describe("rate limits", () => {
  it("counts reads down per principal and answers 429 with Retry-After when the bucket is empty", async () => {
    const token = await h.token(ADMIN);
    const remaining = [];
    for (let i = 0; i < 3; i++) {
      const answer = await h.call(list, { token });
      expect(answer.status).toBe(200);
      remaining.push(answer.headers.get("x-ms-ratelimit-remaining-subscription-reads"));
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const throttled = await h.call(list, { token });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("2");
    expect(throttled.headers.get("x-ms-ratelimit-remaining-subscription-reads")).toBe("0");
    expect(throttled.body.error.code).toBe("TooManyRequests");
    // Another principal has a bucket of its own.
    expect((await h.call(pimPath(ARM_SCOPES.marketingAnalytics, ASSIGNMENT_REQUESTS), { token: await h.token(LEE) })).status).toBe(200);
  });

  it("limits writes separately, with their own header", async () => {
    const token = await h.token(ADMIN);
    const cancel = (id: string) => h.call(`${id}/cancel?api-version=2020-10-01`, { token, method: "POST" });
    const first = await cancel(SEED_LANDMARKS.assignment.colleagueCancellable.id);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-ms-ratelimit-remaining-subscription-writes")).toBe("1");
    expect(first.headers.get("x-ms-ratelimit-remaining-subscription-reads")).toBeNull();
    expect((await cancel(SEED_LANDMARKS.assignment.adminCancellable.id)).status).toBe(200);
    const throttled = await cancel(SEED_LANDMARKS.eligibility.colleagueCancellable.id);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("4");
    expect((await h.control(`state/eligibility/${SEED_LANDMARKS.eligibility.colleagueCancellable.name}`)).body.status).not.toBe("Canceled");
    // Reads still flow.
    expect((await h.call(list, { token })).status).toBe(200);
  });

  it("reports tenant-level calls with the tenant headers", async () => {
    const token = await h.token(ADMIN);
    const subscriptions = await h.call("/subscriptions?api-version=2022-12-01", { token });
    expect(subscriptions.headers.get("x-ms-ratelimit-remaining-tenant-reads")).toBe("2");
    expect(subscriptions.headers.get("x-ms-ratelimit-remaining-subscription-reads")).toBeNull();
    const group = await h.call(pimPath(ARM_SCOPES.productionGroup, ASSIGNMENT_REQUESTS), { token });
    expect(group.headers.get("x-ms-ratelimit-remaining-tenant-reads")).toBe("1");
  });

  it("can be switched off (and back on) through the config endpoint", async () => {
    const token = await h.token(ADMIN);
    await h.control("config", { throttle: false });
    for (let i = 0; i < 6; i++) expect((await h.call(list, { token })).status).toBe(200);
    // Calls made while it was off spent nothing: the bucket is full again when it comes back on.
    await h.control("config", { throttle: true });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await h.call(list, { token })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
