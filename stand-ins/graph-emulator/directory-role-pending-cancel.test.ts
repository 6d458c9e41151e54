import { describe, expect, it } from "vitest";

import { ADMIN, LEE } from "../demo-tenant";
import { SEED_LANDMARKS } from "./seed";
import { ROLE_MANAGEMENT_BASE as BASE, harnessForFile, startHarness } from "./test-harness";

const h = harnessForFile();

type Kind = "Assignment" | "Eligibility";
const collection = (kind: Kind) => `directoryRole${kind}ScheduleRequests`;
const cancelUrl = (kind: Kind, id: string) => `${BASE}/role${kind}ScheduleRequests/${id}/cancel`;
const stored = async (kind: Kind, id: string) => (await h.call(`/_emulator/state/${collection(kind)}/${id}`)).body;

/** A seeded request by principal and status (none of these is a landmark: see seed/directory-role-seed.ts). */
async function seeded(kind: Kind, principalId: string, status: string): Promise<{ id: string; status: string }> {
  const all: Array<{ id: string; principalId: string; status: string }> = (await h.call(`/_emulator/state/${collection(kind)}`)).body;
  const found = all.find((r) => r.principalId === principalId && r.status === status);
  if (!found) throw new Error(`No seeded ${kind} request of ${principalId} in ${status}`);
  return found;
}

describe("cancelling directory role requests awaiting approval (E, eCancelPendingApproval)", () => {
  it("by default cancels PendingApproval and PendingAdminDecision requests like Granted ones: 204, then Canceled / Revoked", async () => {
    const token = await h.token(ADMIN);
    const pendingAssignment = await seeded("Assignment", ADMIN.oid, "PendingApproval");
    const adminDecision = await seeded("Assignment", LEE.oid, "PendingAdminDecision");
    const pendingEligibility = await seeded("Eligibility", ADMIN.oid, "PendingApproval");
    for (const [kind, target, after] of [
      ["Assignment", pendingAssignment, "Canceled"],
      ["Assignment", adminDecision, "Canceled"],
      ["Eligibility", pendingEligibility, "Revoked"],
    ] as const) {
      const answer = await h.call(cancelUrl(kind, target.id), { method: "POST", token });
      expect(answer.status, target.status).toBe(204);
      expect(answer.text).toBe("");
      expect(await stored(kind, target.id)).toMatchObject({ status: after, completedDateTime: expect.any(String) });
    }
  });

  it("with the switch off refuses them exactly as the cancel pages read (400 RequestCannotBeCancelled), and still cancels Granted", async () => {
    const config = await h.call("/_emulator/config", { body: { eCancelPendingApproval: false } });
    expect(config.body.eCancelPendingApproval).toBe(false);
    const token = await h.token(ADMIN);
    const pending = await seeded("Assignment", ADMIN.oid, "PendingApproval");
    const refused = await h.call(cancelUrl("Assignment", pending.id), { method: "POST", token });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("RequestCannotBeCancelled");
    expect(refused.body.error.message).toContain("PendingApproval");
    expect((await stored("Assignment", pending.id)).status).toBe("PendingApproval");
    expect((await h.call(cancelUrl("Assignment", SEED_LANDMARKS.directoryRoleAssignment.adminCancellable.id), { method: "POST", token })).status).toBe(204);
    // Reset restores the start-up value.
    await h.reset();
    expect((await h.call("/_emulator/config")).body.eCancelPendingApproval).toBe(true);
  });

  it("keeps the role rule: a pending request still takes Privileged Role Administrator to cancel", async () => {
    const pending = await seeded("Eligibility", LEE.oid, "PendingAdminDecision");
    const withoutRole = await h.token({ ...LEE, directoryRoles: [] });
    expect((await h.call(cancelUrl("Eligibility", pending.id), { method: "POST", token: withoutRole })).status).toBe(403);
    expect((await stored("Eligibility", pending.id)).status).toBe("PendingAdminDecision");
  });

  it("can start strict (startGraphEmulator({ eCancelPendingApproval: false }), env E_CANCEL_PENDING_APPROVAL=0)", async () => {
    const strict = await startHarness({ eCancelPendingApproval: false });
    try {
      expect((await strict.call("/_emulator/config")).body.eCancelPendingApproval).toBe(false);
      const all: Array<{ id: string; principalId: string; status: string }> = (await strict.call("/_emulator/state/directoryRoleAssignmentScheduleRequests")).body;
      const pending = all.find((r) => r.status === "PendingApproval")!;
      const answer = await strict.call(cancelUrl("Assignment", pending.id), { method: "POST", token: await strict.token(ADMIN) });
      expect(answer.body.error.code).toBe("RequestCannotBeCancelled");
    } finally {
      await strict.close();
    }
  });
});
