import { describe, expect, it } from "vitest";

import { ADMIN, MEGAN } from "../demo-tenant";
import { SEED_LANDMARKS } from "./seed";
import { PRIVILEGED_ROLE_BASE as BASE, harnessForFile, startHarness } from "./test-harness";

const h = harnessForFile();

const landmarks = SEED_LANDMARKS.privilegedRole;
const cancel = (id: string, token: string) => h.call(`${BASE}/${id}/cancel`, { method: "POST", token });

describe("listing privileged role assignment requests (B)", () => {
  it("lists every request for a Privileged Role Administrator, with roleInfo expanded", async () => {
    const answer = await h.call(`${BASE}?$expand=roleInfo`, { token: await h.token(ADMIN) });
    expect(answer.status).toBe(200);
    expect(answer.body["@odata.context"]).toMatch(/\/beta\/\$metadata#privilegedRoleAssignmentRequests$/);
    expect(answer.body.value).toHaveLength(22);
    const diego = answer.body.value.find((r: { id: string }) => r.id === landmarks.colleagueCancellable.id);
    expect(diego).toMatchObject({ status: "RequestedApproval", reason: landmarks.colleagueCancellable.justification, userId: landmarks.colleagueCancellable.principalId });
    expect(diego.roleInfo).toEqual({ id: "fe930be7-5e62-47db-91af-98c3a49a38b1", name: "User Administrator" });
    expect(diego.schedule).toMatchObject({ type: "activation", endDateTime: null, duration: null });
  });

  it("refuses the admin list to Megan and to a token without a B permission", async () => {
    const megan = await h.call(BASE, { token: await h.token(MEGAN) });
    expect(megan.status).toBe(403);
    expect(megan.body.error.code).toBe("Authorization_RequestDenied");
    expect((await h.call(BASE, { token: await h.token(ADMIN, { scopes: ["User.Read"] }) })).status).toBe(403);
    expect((await h.call(BASE, { token: await h.token(ADMIN, { scopes: ["Directory.Read.All"] }) })).status).toBe(200);
  });

  it("my (a GET function) returns the caller's own requests with @odata.count, each naming her Self", async () => {
    const answer = await h.call(`${BASE}/my?$expand=roleInfo`, { token: await h.token(MEGAN) });
    expect(answer.status).toBe(200);
    expect(answer.body["@odata.count"]).toBe(5);
    expect(answer.body.value).toHaveLength(5);
    expect(answer.body.value.every((r: { userId: string }) => r.userId === "Self")).toBe(true);
    expect(answer.body.value.map((r: { id: string }) => r.id)).toContain(landmarks.meganCancellable.id);
    expect(answer.body.value[0].roleInfo).toHaveProperty("name");
    expect((await h.call(`${BASE}/my()`, { token: await h.token(MEGAN) })).body["@odata.count"]).toBe(5);
    expect((await h.call(`${BASE}/my`, { method: "POST", token: await h.token(MEGAN) })).status).toBe(405);
  });

  it("my answers as the docs example does when asked with no options: roleInfo expanded, with its own context", async () => {
    const answer = await h.call(`${BASE}/my`, { token: await h.token(MEGAN) });
    const own = answer.body.value.find((r: { id: string }) => r.id === landmarks.meganCancellable.id);
    expect(own.roleInfo).toEqual({ id: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", name: "Directory Readers" });
    expect(own["roleInfo@odata.context"]).toMatch(new RegExp(`/beta/\\$metadata#privilegedRoleAssignmentRequests\\('${own.id}'\\)/roleInfo/\\$entity$`));
    // An explicit $expand or $select is still the caller's to choose.
    const selected = await h.call(`${BASE}/my?$select=id,status`, { token: await h.token(MEGAN) });
    expect(Object.keys(selected.body.value[0]).sort()).toEqual(["id", "roleInfo", "roleInfo@odata.context", "status"]);
  });

  it("names only the caller Self: the admin list shows Adele's own rows as Self and everyone else by id", async () => {
    const answer = await h.call(BASE, { token: await h.token(ADMIN) });
    const byId = new Map(answer.body.value.map((r: { id: string; userId: string }) => [r.id, r.userId]));
    expect(byId.get(landmarks.adminCancellable.id)).toBe("Self");
    expect(byId.get(landmarks.adminClosed.id)).toBe("Self");
    expect(byId.get(landmarks.meganCancellable.id)).toBe(MEGAN.oid);
    expect(byId.get(landmarks.colleagueCancellable.id)).toBe(landmarks.colleagueCancellable.principalId);
    expect([...byId.values()].filter((u) => u === "Self")).toHaveLength(5);
    // Stored records keep the real id, and a filter on userId takes it.
    expect((await h.call(`/_emulator/state/privilegedRoleAssignmentRequests/${landmarks.adminCancellable.id}`)).body.userId).toBe(ADMIN.oid);
    const filtered = await h.call(`${BASE}?$filter=userId eq '${ADMIN.oid}'`, { token: await h.token(ADMIN) });
    expect(filtered.body.value.map((r: { userId: string }) => r.userId)).toEqual(Array(5).fill("Self"));
  });

  it("gets one request for its user or an admin", async () => {
    const own = landmarks.meganClosed;
    const answer = await h.call(`${BASE}/${own.id}`, { token: await h.token(MEGAN) });
    expect(answer.body).toMatchObject({ id: own.id, status: "ApprovalDenied", reason: own.justification, userId: "Self" });
    expect((await h.call(`${BASE}/${own.id}`, { token: await h.token(ADMIN) })).body.userId).toBe(MEGAN.oid);
    expect((await h.call(`${BASE}/${landmarks.colleagueClosed.id}`, { token: await h.token(MEGAN) })).status).toBe(403);
  });
});

describe("cancelling a privileged role assignment request (B)", () => {
  it("answers 200 with the updated entity in status Cancelling", async () => {
    const target = landmarks.adminCancellable;
    expect(target.status).toBe("Scheduled");
    const answer = await cancel(target.id, await h.token(ADMIN, { scopes: ["PrivilegedAccess.ReadWrite.AzureAD"] }));
    expect(answer.status).toBe(200);
    expect(answer.body["@odata.context"]).toMatch(/\/beta\/\$metadata#privilegedRoleAssignmentRequests\/\$entity$/);
    // As in the docs example: the caller's own request names her "Self".
    expect(answer.body).toMatchObject({ id: target.id, status: "Cancelling", reason: target.justification, userId: "Self" });
  });

  it("cancels RequestedApproval too (the resource's word for PendingApproval, contract §9 B-1)", async () => {
    const answer = await cancel(landmarks.colleagueCancellable.id, await h.token(ADMIN));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "Cancelling", userId: landmarks.colleagueCancellable.principalId });
    // The seed's own word is accepted as well, if a request ever carries it.
    await h.call(`/_emulator/entities/privilegedRoleAssignmentRequests/${landmarks.adminNotCancellable.id}`, { body: { status: "pendingapproval" } });
    expect((await cancel(landmarks.adminNotCancellable.id, await h.token(ADMIN))).status).toBe(200);
  });

  it("answers the documented errors with their exact messages", async () => {
    const token = await h.token(ADMIN);
    const empty = await h.call(`${BASE}//cancel`, { method: "POST", token });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ code: "BadRequest", message: "RequestId cannot be Null." });
    const unknown = await cancel("7c53453e-d5a4-41e0-8eb1-32d5ec8bfdee", token);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: "BadRequest", message: "Request with request ID not found." });
    for (const target of [landmarks.adminNotCancellable, landmarks.adminClosed, landmarks.colleagueNotCancellable]) {
      const late = await cancel(target.id, token);
      expect(late.status).toBe(400);
      expect(late.body.error).toMatchObject({ code: "BadRequest", message: "Cancellation can be done only on status Scheduled and PendingApproval." });
    }
    const foreign = await cancel(landmarks.colleagueCancellable.id, await h.token(MEGAN));
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toMatchObject({ code: "UnAuthorized", message: "Requester not allowed to make Cancel call or request not found." });
  });

  it("lets Megan cancel her own request, with the cancel permission only", async () => {
    const own = landmarks.meganCancellable;
    const readOnly = await h.token(MEGAN, { scopes: ["Directory.Read.All"] });
    expect((await cancel(own.id, readOnly)).body.error.code).toBe("Authorization_RequestDenied");
    const answer = await cancel(own.id, await h.token(MEGAN, { scopes: ["Directory.AccessAsUser.All"] }));
    expect(answer.status).toBe(200);
    expect((await h.call(`/_emulator/state/privilegedRoleAssignmentRequests/${own.id}`)).body.status).toBe("Cancelling");
  });

  it("shows a 200 cancel with its entity as a $batch item", async () => {
    const batch = await h.call("/beta/$batch", {
      token: await h.token(ADMIN),
      body: { requests: [{ id: "1", method: "POST", url: `/privilegedRoleAssignmentRequests/${landmarks.adminCancellable.id}/cancel` }] },
    });
    expect(batch.body.responses[0]).toMatchObject({ id: "1", status: 200, body: { id: landmarks.adminCancellable.id, status: "Cancelling", userId: "Self" } });
  });
});

describe("the retired service (config bRetired)", () => {
  it("returns no data: empty lists, and cancel answers 'not found'; reset turns it off", async () => {
    const config = await h.call("/_emulator/config", { body: { bRetired: true } });
    expect(config.body.bRetired).toBe(true);
    const admin = await h.token(ADMIN);
    const list = await h.call(BASE, { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.value).toEqual([]);
    const my = await h.call(`${BASE}/my`, { token: await h.token(MEGAN) });
    expect(my.body).toMatchObject({ "@odata.count": 0, value: [] });
    const cancelled = await cancel(landmarks.adminCancellable.id, admin);
    expect(cancelled.status).toBe(400);
    expect(cancelled.body.error.message).toBe("Request with request ID not found.");
    // The other categories are unaffected.
    expect((await h.call(`/v1.0/roleManagement/directory/roleAssignmentScheduleRequests`, { token: admin })).body.value.length).toBeGreaterThan(0);

    await h.reset();
    expect((await h.call("/_emulator/config")).body.bRetired).toBe(false);
    expect((await h.call(BASE, { token: admin })).body.value).toHaveLength(22);
  });

  it("can start retired", async () => {
    const retired = await startHarness({ bRetired: true });
    try {
      expect((await retired.call(`${BASE}/my`, { token: await retired.token(ADMIN) })).body.value).toEqual([]);
    } finally {
      await retired.close();
    }
  });
});
