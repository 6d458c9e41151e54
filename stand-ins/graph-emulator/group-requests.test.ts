import { describe, expect, it } from "vitest";

import { ADMIN, MEGAN, ROLE_TEMPLATE_IDS, type DemoPerson } from "../demo-tenant";
import { SEED_LANDMARKS } from "./seed";
import { groupId } from "./seed/directory-seed";
import { PIM_GROUP_BASE, harnessForFile } from "./test-harness";

const h = harnessForFile();

const ASSIGNMENTS = `${PIM_GROUP_BASE}/assignmentScheduleRequests`;
const ELIGIBILITIES = `${PIM_GROUP_BASE}/eligibilityScheduleRequests`;
const landmarks = SEED_LANDMARKS.groupAssignment;

/** Joni, as a Groups Administrator: may manage ordinary groups but not role-assignable ones (contract §5). */
const GROUPS_ADMIN: DemoPerson = { ...MEGAN, oid: "c3f70302-0008-4c80-a122-0000000c0008", displayName: "Joni Sherman", directoryRoles: [ROLE_TEMPLATE_IDS.groupsAdministrator] };

describe("listing PIM for Groups requests", () => {
  it("refuses an admin list without a groupId or principalId filter", async () => {
    const answer = await h.call(ASSIGNMENTS, { token: await h.token(ADMIN) });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("BadRequest");
    expect(answer.body.error.message).toMatch(/filter on groupId or principalId is required/);
    expect((await h.call(`${ASSIGNMENTS}?$filter=status eq 'PendingApproval'`, { token: await h.token(ADMIN) })).status).toBe(400);
  });

  it("lists a group's requests with principal and group display names expanded", async () => {
    const group = groupId("campaign-editors");
    const url = `${ASSIGNMENTS}?$filter=groupId eq '${group}'&$expand=principal,group($select=id,displayName)`;
    const answer = await h.call(url, { token: await h.token(ADMIN) });
    expect(answer.status).toBe(200);
    expect(answer.body["@odata.context"]).toMatch(/\/v1\.0\/\$metadata#identityGovernance\/privilegedAccess\/group\/assignmentScheduleRequests$/);
    const alex = answer.body.value.find((r: { id: string }) => r.id === landmarks.colleagueCancellable.id);
    expect(alex.principal.displayName).toBe("Alex Wilber");
    expect(alex.principal["@odata.type"]).toBe("#microsoft.graph.user");
    expect(alex.group).toEqual({ id: group, displayName: "Marketing Campaign Editors" });
    expect(alex.justification).toBe(landmarks.colleagueCancellable.justification);
    expect(answer.body.value.every((r: { groupId: string }) => r.groupId === group)).toBe(true);
  });

  it("reads query options encoded the way URLSearchParams writes them (the app's graph-url.ts)", async () => {
    const url = new URL(`${h.url}${ASSIGNMENTS}`);
    url.searchParams.set("$filter", `groupId eq '${groupId("legal-hold")}'`);
    url.searchParams.set("$expand", "principal,group($select=id,displayName)");
    expect(url.search).toContain("%24filter=groupId+eq+%27");
    const answer = await h.call(url.toString(), { token: await h.token(ADMIN) });
    expect(answer.status).toBe(200);
    expect(answer.body.value.length).toBeGreaterThan(0);
    expect(Object.keys(answer.body.value[0].group).sort()).toEqual(["displayName", "id"]);
  });

  it("combines the group filter with a status filter and honours $select", async () => {
    const url = `${ASSIGNMENTS}?$filter=groupId eq '${groupId("campaign-editors")}' and status eq 'PendingApproval'&$select=id,status`;
    const answer = await h.call(url, { token: await h.token(ADMIN) });
    expect(answer.body.value.length).toBeGreaterThan(0);
    for (const row of answer.body.value) expect(Object.keys(row).sort()).toEqual(["id", "status"]);
    expect(answer.body.value.every((r: { status: string }) => r.status === "PendingApproval")).toBe(true);
  });

  it("refuses Megan a group's list but lets her list her own by principalId", async () => {
    const token = await h.token(MEGAN);
    const group = await h.call(`${ASSIGNMENTS}?$filter=groupId eq '${groupId("campaign-editors")}'`, { token });
    expect(group.status).toBe(403);
    expect(group.body.error.code).toBe("Authorization_RequestDenied");
    expect((await h.call(`${ASSIGNMENTS}?$filter=principalId eq '${ADMIN.oid}'`, { token })).status).toBe(403);
    const own = await h.call(`${ASSIGNMENTS}?$filter=principalId eq '${MEGAN.oid}'`, { token });
    expect(own.status).toBe(200);
    expect(own.body.value.length).toBe(6);
  });

  it("requires Privileged Role Administrator for role-assignable groups", async () => {
    const token = await h.token(GROUPS_ADMIN);
    expect((await h.call(`${ASSIGNMENTS}?$filter=groupId eq '${groupId("campaign-editors")}'`, { token })).status).toBe(200);
    expect((await h.call(`${ASSIGNMENTS}?$filter=groupId eq '${groupId("helpdesk-tier-2")}'`, { token })).status).toBe(403);
    expect((await h.call(`${ASSIGNMENTS}?$filter=groupId eq '${groupId("helpdesk-tier-2")}'`, { token: await h.token(ADMIN) })).status).toBe(200);
  });

  it("filterByCurrentUser(on='principal') returns only the caller's requests", async () => {
    const answer = await h.call(`${ASSIGNMENTS}/filterByCurrentUser(on='principal')?$expand=principal`, { token: await h.token(MEGAN) });
    expect(answer.status).toBe(200);
    expect(answer.body.value).toHaveLength(6);
    expect(new Set(answer.body.value.map((r: { principal: { displayName: string } }) => r.principal.displayName))).toEqual(new Set(["Megan Bowen"]));
    const pending = await h.call(`${ASSIGNMENTS}/filterByCurrentUser(on='principal')?$filter=status eq 'PendingApproval'`, { token: await h.token(MEGAN) });
    expect(pending.body.value.map((r: { id: string }) => r.id)).toEqual([SEED_LANDMARKS.groupAssignment.meganCancellable.id]);
  });

  it("filterByCurrentUser(on='approver') returns pending requests the caller may approve", async () => {
    const answer = await h.call(`${ASSIGNMENTS}/filterByCurrentUser(on='approver')`, { token: await h.token(ADMIN) });
    expect(answer.body.value.length).toBeGreaterThan(0);
    expect(answer.body.value.every((r: { status: string; principalId: string }) => r.status === "PendingApproval" && r.principalId !== ADMIN.oid)).toBe(true);
  });

  it("answers 400 for filterByCurrentUser without or with a wrong 'on'", async () => {
    const token = await h.token(MEGAN);
    expect((await h.call(`${ASSIGNMENTS}/filterByCurrentUser`, { token })).status).toBe(400);
    expect((await h.call(`${ASSIGNMENTS}/filterByCurrentUser()`, { token })).status).toBe(400);
    const wrong = await h.call(`${ASSIGNMENTS}/filterByCurrentUser(on='target')`, { token });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/principal, createdBy, approver/);
  });

  it("serves the same collection on beta", async () => {
    const answer = await h.call(`/beta/identityGovernance/privilegedAccess/group/eligibilityScheduleRequests/filterByCurrentUser(on='principal')`, { token: await h.token(MEGAN) });
    expect(answer.status).toBe(200);
    expect(answer.body.value).toHaveLength(5);
    expect(answer.body.value[0].ticketInfo).toHaveProperty("ticketSubmitterIdentityId");
  });
});

describe("reading and cancelling one request", () => {
  it("gets a request by id for an admin or its principal, not for someone else", async () => {
    const mine = SEED_LANDMARKS.groupAssignment.meganCancellable;
    const asMegan = await h.call(`${ASSIGNMENTS}/${mine.id}`, { token: await h.token(MEGAN) });
    expect(asMegan.status).toBe(200);
    expect(asMegan.body.justification).toBe(mine.justification);
    expect(asMegan.body["@odata.context"]).toMatch(/assignmentScheduleRequests\/\$entity$/);
    expect((await h.call(`${ASSIGNMENTS}/${mine.id}`, { token: await h.token(ADMIN) })).status).toBe(200);
    expect((await h.call(`${ASSIGNMENTS}/${landmarks.colleagueCancellable.id}`, { token: await h.token(MEGAN) })).status).toBe(403);
  });

  it("cancels a pending request: 204 without a body, then status Canceled with completedDateTime", async () => {
    const target = landmarks.colleagueCancellable;
    const answer = await h.call(`${ASSIGNMENTS}/${target.id}/cancel`, { method: "POST", token: await h.token(ADMIN) });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    const after = await h.call(`${ASSIGNMENTS}/${target.id}`, { token: await h.token(ADMIN) });
    expect(after.body.status).toBe("Canceled");
    expect(Date.parse(after.body.completedDateTime)).toBeGreaterThan(Date.now() - 60_000);
    // Once cancelled it cannot be cancelled again.
    const again = await h.call(`${ASSIGNMENTS}/${target.id}/cancel`, { method: "POST", token: await h.token(ADMIN) });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("RequestCannotBeCancelled");
  });

  it("refuses to cancel a final or provisioning request with 400 RequestCannotBeCancelled", async () => {
    for (const target of [landmarks.adminClosed, landmarks.adminNotCancellable, landmarks.colleagueNotCancellable]) {
      const answer = await h.call(`${ASSIGNMENTS}/${target.id}/cancel`, { method: "POST", token: await h.token(ADMIN) });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("RequestCannotBeCancelled");
      expect(answer.body.error.message).toContain(target.status);
    }
  });

  it("answers 404 itemNotFound for an unknown id", async () => {
    const answer = await h.call(`${ASSIGNMENTS}/00000000-0000-0000-0000-000000000000/cancel`, { method: "POST", token: await h.token(ADMIN) });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("itemNotFound");
    expect((await h.call(`${ELIGIBILITIES}/nope`, { token: await h.token(ADMIN) })).body.error.code).toBe("itemNotFound");
  });

  it("lets Megan cancel her own request but not a colleague's, and needs the ReadWrite scope", async () => {
    const readOnly = await h.token(MEGAN, { scopes: ["PrivilegedAssignmentSchedule.Read.AzureADGroup"] });
    const own = SEED_LANDMARKS.groupAssignment.meganCancellable;
    expect((await h.call(`${ASSIGNMENTS}/${own.id}/cancel`, { method: "POST", token: readOnly })).status).toBe(403);
    const token = await h.token(MEGAN);
    const theirs = await h.call(`${ASSIGNMENTS}/${landmarks.colleagueCancellable.id}/cancel`, { method: "POST", token });
    expect(theirs.status).toBe(403);
    expect((await h.call(`${ASSIGNMENTS}/${own.id}/cancel`, { method: "POST", token })).status).toBe(204);
  });

  it("cancels eligibility requests with the eligibility permission only", async () => {
    const target = SEED_LANDMARKS.groupEligibility.colleagueCancellable;
    const wrongScope = await h.token(ADMIN, { scopes: ["PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup"] });
    expect((await h.call(`${ELIGIBILITIES}/${target.id}/cancel`, { method: "POST", token: wrongScope })).status).toBe(403);
    const token = await h.token(ADMIN, { scopes: ["PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup"] });
    expect((await h.call(`${ELIGIBILITIES}/${target.id}/cancel`, { method: "POST", token })).status).toBe(204);
    expect((await h.call(`${ELIGIBILITIES}/${target.id}`, { token })).body.status).toBe("Canceled");
  });
});
