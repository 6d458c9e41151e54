import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { ADMIN, LEE, MEGAN } from "../../stand-ins/demo-tenant";
import { SEED_LANDMARKS, type ArmLandmark } from "../../stand-ins/arm-emulator/seed";
import { appIdOf, assignmentCategory, categoryOf, armStandInForApp } from "./arm-test-kit";
import { cancelRequest } from "@/lib/upstreams/cancel-request";

// One cancel at a time against the real ARM stand-in (a bulk run of one, lib/upstreams/cancel-request): what the
// user sees after pressing Cancel on a row.

const h = armStandInForApp();
const A = SEED_LANDMARKS.assignment;
const E = SEED_LANDMARKS.eligibility;


const appId = appIdOf;
const cancel = async (landmark: ArmLandmark, token: string) => cancelRequest({ category: categoryOf(landmark), id: appId(landmark), view: "all", tokens: { arm: token } });
const storedStatus = async (landmark: ArmLandmark): Promise<string> => (await h.control(`state/${landmark.kind}/${landmark.name}`)).body.status;
const armLog = async (): Promise<Array<{ method: string; path: string; status: number }>> => (await h.control("requests")).body;

describe("cancelling one Azure role request", () => {
  it("cancels Adele's pending request and shows it back as Canceled", async () => {
    const token = await h.token(ADMIN);
    for (const landmark of [A.adminCancellable, E.colleagueCancellable]) {
      const item = await cancel(landmark, token);
      expect(item).toMatchObject({ id: appId(landmark), status: "Canceled", stage: "cancelled", isOpen: false, cancellable: false });
      expect(await storedStatus(landmark)).toBe("Canceled");
    }
    const log = await armLog();
    // One POST per cancel, at the request's own path (ARM paths are case-insensitive; the seed's ids use the spec's casing).
    const posts = log.filter((c) => c.method === "POST").map((c) => c.path.toLowerCase());
    expect(posts).toEqual([`${A.adminCancellable.id}/cancel`.toLowerCase(), `${E.colleagueCancellable.id}/cancel`.toLowerCase()]);
  });

  it("refuses a request past cancelling as not cancellable (409), keeping ARM's code and request id", async () => {
    const error = (await cancel(A.adminNotCancellable, await h.token(ADMIN)).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "not_cancellable", status: 409, upstream: "arm", upstreamCode: "RequestCannotBeCancelled" });
    expect(error.requestId).toMatch(/\S/);
    expect(await storedStatus(A.adminNotCancellable)).toBe("PendingProvisioning");
  });

  it("tells Megan, who holds no role, that cancelling a colleague's request needs the RBAC cancel action", async () => {
    const error = (await cancel(A.colleagueCancellable, await h.token(MEGAN)).catch((e: unknown) => e)) as AppError;
    expect(error).toMatchObject({ code: "forbidden", status: 403, upstream: "arm", upstreamCode: "AuthorizationFailed" });
    expect(error.message).toContain("Microsoft.Authorization/roleAssignmentScheduleRequests/cancel/action");
    expect(error.message).toContain("Owner and User Access Administrator");
    expect(await storedStatus(A.colleagueCancellable)).toBe("PendingApproval");
  });

  it("lets a Reader see but not cancel, and anyone cancel their own", async () => {
    await expect(cancel(E.meganCancellable, await h.token(LEE))).rejects.toMatchObject({ code: "forbidden" });
    expect(await cancel(E.meganCancellable, await h.token(MEGAN))).toMatchObject({ status: "Canceled" });
  });

  it("refuses a malformed id (400) without calling ARM", async () => {
    const token = await h.token(ADMIN);
    const scopeToken = appId(A.adminCancellable).split(".")[0]!;
    for (const id of ["nope", `${scopeToken}.not-a-guid`, `${Buffer.from("subscriptions/x/../../providers").toString("base64url")}.${A.adminCancellable.name}`]) {
      await expect(cancelRequest({ category: assignmentCategory, id, view: "all", tokens: { arm: token } })).rejects.toMatchObject({ code: "invalid_input", status: 400 });
    }
    expect(await armLog()).toEqual([]);
  });

  it("says a request that does not exist is not found (404)", async () => {
    const name = "00000000-0000-4000-8000-000000000000";
    const id = appIdOf({ ...A.adminCancellable, name, id: A.adminCancellable.id.replace(A.adminCancellable.name, name) });
    await expect(cancelRequest({ category: assignmentCategory, id, view: "all", tokens: { arm: await h.token(ADMIN) } })).rejects.toMatchObject({
      code: "not_found",
      status: 404,
    });
  });

  it("returns null when the read-back fails, and the cancel stands", async () => {
    await h.control("faults", { method: "GET", pathPattern: `${A.adminCancellable.name}$`, status: 500 });
    expect(await cancel(A.adminCancellable, await h.token(ADMIN))).toBeNull();
    expect(await storedStatus(A.adminCancellable)).toBe("Canceled");
  });

  it("waits out a throttled cancel (429 + Retry-After) and sends it again", async () => {
    await h.control("faults", { method: "POST", pathPattern: "/cancel$", status: 429, times: 1, retryAfterSeconds: 0.1 });
    expect(await cancel(A.adminCancellable, await h.token(ADMIN))).toMatchObject({ status: "Canceled" });
    const posts = (await armLog()).filter((c) => c.method === "POST");
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
  });
});
