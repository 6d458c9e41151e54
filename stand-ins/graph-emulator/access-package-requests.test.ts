import { describe, expect, it } from "vitest";

import { ADMIN, MEGAN } from "../demo-tenant";
import { SEED_LANDMARKS, SEED_REFERENCE_DATE } from "./seed";
import { packageId } from "./seed/directory-seed";
import { AP_BETA_OLD_BASE, AP_V1_BASE, harnessForFile } from "./test-harness";

const h = harnessForFile();

const landmarks = SEED_LANDMARKS.accessPackage;
const AP_BETA_NEW_BASE = "/beta/identityGovernance/entitlementManagement/assignmentRequests";
const SUBJECT_ONLY = ["EntitlementMgmt-SubjectAccess.ReadWrite", "EntitlementManagement.Read.All"];

describe("v1.0 lists", () => {
  it("lists every request for an Identity Governance Administrator, with expanded package and requestor", async () => {
    const answer = await h.call(`${AP_V1_BASE}?$expand=accessPackage,requestor,assignment`, { token: await h.token(ADMIN) });
    expect(answer.status).toBe(200);
    expect(answer.body.value).toHaveLength(23);
    const alex = answer.body.value.find((r: { id: string }) => r.id === landmarks.colleagueCancellable.id);
    expect(alex).toMatchObject({ state: "pendingApproval", status: "PendingApproval", justification: landmarks.colleagueCancellable.justification, assignment: null });
    expect(alex.accessPackage.displayName).toBe("Marketing Campaign Tools");
    expect(alex.requestor).toMatchObject({ displayName: "Alex Wilber", objectId: landmarks.colleagueCancellable.principalId, subjectType: "user" });
    const delivered = answer.body.value.find((r: { id: string }) => r.id === landmarks.adminClosed.id);
    expect(delivered.assignment).toMatchObject({ state: "delivered", targetId: delivered.requestor.id });
  });

  it("refuses the admin list to Megan", async () => {
    const answer = await h.call(AP_V1_BASE, { token: await h.token(MEGAN) });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe("Authorization_RequestDenied");
  });

  it("filters on state, createdDateTime and accessPackage/id, combined with and", async () => {
    const token = await h.token(ADMIN);
    const pending = await h.call(`${AP_V1_BASE}?$filter=state eq 'pendingApproval'`, { token });
    expect(pending.body.value.length).toBe(6);
    expect(pending.body.value.every((r: { state: string }) => r.state === "pendingApproval")).toBe(true);
    const fiveDaysBefore = new Date(Date.parse(SEED_REFERENCE_DATE) - 5 * 86_400_000).toISOString().replace(/\.000Z$/, "Z");
    const recent = await h.call(`${AP_V1_BASE}?$filter=createdDateTime gt ${fiveDaysBefore} and state eq 'pendingApproval'`, { token });
    expect(recent.body.value.length).toBeGreaterThan(0);
    expect(recent.body.value.length).toBeLessThan(pending.body.value.length);
    const one = await h.call(`${AP_V1_BASE}?$filter=accessPackage/id eq '${packageId("campaign-tools")}'&$expand=accessPackage`, { token });
    expect(one.body.value.length).toBe(3);
    expect(new Set(one.body.value.map((r: { accessPackage: { displayName: string } }) => r.accessPackage.displayName))).toEqual(new Set(["Marketing Campaign Tools"]));
  });

  it("filterByCurrentUser(on='target') returns only the caller's requests, each filterable by id", async () => {
    const token = await h.token(MEGAN);
    const answer = await h.call(`${AP_V1_BASE}/filterByCurrentUser(on='target')?$expand=accessPackage,requestor`, { token });
    expect(answer.status).toBe(200);
    expect(answer.body.value).toHaveLength(7);
    expect(new Set(answer.body.value.map((r: { requestor: { displayName: string } }) => r.requestor.displayName))).toEqual(new Set(["Megan Bowen"]));
    const byId = await h.call(`${AP_V1_BASE}/filterByCurrentUser(on='target')?$filter=id eq '${landmarks.meganCancellable.id}'`, { token });
    expect(byId.body.value.map((r: { id: string }) => r.id)).toEqual([landmarks.meganCancellable.id]);
  });
});

describe("v1.0 cancel", () => {
  it("cancels for an admin with 200 and an empty body; the record becomes canceled", async () => {
    const target = landmarks.colleagueCancellable;
    const answer = await h.call(`${AP_V1_BASE}/${target.id}/cancel`, { method: "POST", token: await h.token(ADMIN) });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("");
    const after = await h.call(`${AP_V1_BASE}/${target.id}`, { token: await h.token(ADMIN) });
    expect(after.body).toMatchObject({ state: "canceled", status: "Canceled" });
    expect(after.body.completedDateTime).not.toBeNull();
  });

  it("answers 204 instead when configured so (contract §9 D-1)", async () => {
    await h.call("/_emulator/config", { body: { dCancelSuccessStatus: 204 } });
    const answer = await h.call(`${AP_V1_BASE}/${landmarks.adminCancellable.id}/cancel`, { method: "POST", token: await h.token(ADMIN) });
    expect(answer.status).toBe(204);
  });

  it("refuses delivered requests with 400 RequestCannotBeCancelled, and unknown ids with 404 itemNotFound", async () => {
    const token = await h.token(ADMIN);
    for (const target of [landmarks.colleagueClosed, landmarks.colleagueNotCancellable]) {
      const refused = await h.call(`${AP_V1_BASE}/${target.id}/cancel`, { method: "POST", token });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe("RequestCannotBeCancelled");
    }
    const unknown = await h.call(`${AP_V1_BASE}/11111111-2222-3333-4444-555555555555/cancel`, { method: "POST", token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("itemNotFound");
  });

  it("needs EntitlementManagement.ReadWrite.All on v1.0 and refuses Megan someone else's request", async () => {
    const subjectOnly = await h.token(MEGAN, { scopes: SUBJECT_ONLY });
    expect((await h.call(`${AP_V1_BASE}/${landmarks.meganCancellable.id}/cancel`, { method: "POST", token: subjectOnly })).status).toBe(403);
    const token = await h.token(MEGAN);
    expect((await h.call(`${AP_V1_BASE}/${landmarks.colleagueCancellable.id}/cancel`, { method: "POST", token })).status).toBe(403);
  });
});

describe("beta", () => {
  it("renders the beta shape on both beta paths", async () => {
    for (const base of [AP_BETA_OLD_BASE, AP_BETA_NEW_BASE]) {
      const answer = await h.call(`${base}/${landmarks.meganClosed.id}?$expand=requestor,accessPackage,accessPackageAssignment`, { token: await h.token(ADMIN) });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ requestType: "AdminAdd", requestState: "Delivered", requestStatus: "Fulfilled" });
      expect(answer.body).toHaveProperty("completedDate");
      expect(answer.body).not.toHaveProperty("completedDateTime");
      expect(answer.body).not.toHaveProperty("state");
      expect(answer.body.requestor).toMatchObject({ type: "User", displayName: "Megan Bowen" });
      expect(answer.body.accessPackageAssignment).toMatchObject({ assignmentState: "Delivered" });
    }
  });

  it("supports the documented pending query with a nested connectedOrganization expand", async () => {
    const url = `${AP_BETA_OLD_BASE}?$expand=requestor($expand=connectedOrganization)&$filter=(requestState eq 'PendingApproval')`;
    const answer = await h.call(url, { token: await h.token(ADMIN) });
    expect(answer.status).toBe(200);
    expect(answer.body.value.length).toBe(6);
    expect(answer.body.value.every((r: { requestState: string }) => r.requestState === "PendingApproval")).toBe(true);
    const external = answer.body.value.find((r: { requestor: { connectedOrganization: unknown } }) => r.requestor.connectedOrganization !== null);
    expect(external.requestor.connectedOrganization.displayName).toBe("Fabrikam");
    expect(external.requestor.connectedOrganizationId).toBe(external.requestor.connectedOrganization.id);
  });

  it("makes a non-admin send {id, requestStatus:'cancelled'} to cancel their own request", async () => {
    const target = landmarks.meganCancellable;
    const url = `${AP_BETA_OLD_BASE}/${target.id}/cancel`;
    const token = await h.token(MEGAN, { scopes: SUBJECT_ONLY });
    const noBody = await h.call(url, { method: "POST", token });
    expect(noBody.status).toBe(400);
    expect(noBody.body.error.code).toBe("BadRequest");
    expect(noBody.body.error.message).toContain(`{"id":"${target.id}","requestStatus":"cancelled"}`);
    expect((await h.call(url, { token, body: { id: landmarks.colleagueCancellable.id, requestStatus: "cancelled" } })).status).toBe(400);
    expect((await h.call(url, { token, body: { id: target.id, requestStatus: "canceled" } })).status).toBe(400);
    const ok = await h.call(url, { token, body: { id: target.id, requestStatus: "cancelled" } });
    expect(ok.status).toBe(200);
    expect(ok.text).toBe("");
    const after = await h.call(`${AP_BETA_OLD_BASE}/${target.id}`, { token });
    expect(after.body).toMatchObject({ requestState: "Canceled", requestStatus: "Cancelled" });
  });

  it("lets an admin cancel on beta without a body, but not with the subject-access permission alone", async () => {
    const target = landmarks.colleagueCancellable;
    const subjectOnly = await h.token(ADMIN, { scopes: SUBJECT_ONLY });
    expect((await h.call(`${AP_BETA_OLD_BASE}/${target.id}/cancel`, { method: "POST", token: subjectOnly })).status).toBe(403);
    expect((await h.call(`${AP_BETA_NEW_BASE}/${target.id}/cancel`, { method: "POST", token: await h.token(ADMIN) })).status).toBe(200);
  });

  it("beta filterByCurrentUser(on='target') returns Megan's requests in the beta shape", async () => {
    const answer = await h.call(`${AP_BETA_NEW_BASE}/filterByCurrentUser(on='target')`, { token: await h.token(MEGAN) });
    expect(answer.body.value).toHaveLength(7);
    expect(answer.body.value.every((r: object) => "requestState" in r && !("state" in r))).toBe(true);
  });
});
