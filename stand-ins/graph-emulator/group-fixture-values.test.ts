import { describe, expect, it } from "vitest";

import { groupAssignmentCategory } from "@/lib/categories/group-assignment";
import { ADMIN, DEMO_PEOPLE } from "../demo-tenant";
import { exampleEntities } from "../../test-support/graph-examples";
import { groupId } from "./seed/directory-seed";
import { PIM_GROUP_BASE, harnessForFile } from "./test-harness";

// The docs' PIM for Groups examples spell some values in PascalCase ("SelfActivate", "AfterDuration") and others in
// camelCase ("adminAssign", "afterDateTime"), contract §5. That every value of the C examples is one the emulator
// renders is checked with the other categories in fixture-shapes.test.ts; here, what else the PascalCase takes: the
// documented pending-requests question gets the pending example's answer, filters ignore the casing, and a
// "SelfActivate" request is self-service like any other.

const docsExample = exampleEntities("C-privilegedAccessGroupAssignmentScheduleRequest-filterByCurrentUser-pending.json")[0] as Record<string, unknown>;

const ASSIGNMENTS = `${PIM_GROUP_BASE}/assignmentScheduleRequests`;
const ALEX = DEMO_PEOPLE.find((p) => p.userPrincipalName === "alex@contoso.test")!;
const LAUNCH_GROUP = groupId("launch-planning");

const h = harnessForFile();

/** The docs' pending example (§5): the caller's own PendingApproval requests for one group. */
async function pendingForCurrentUser() {
  const url = `${ASSIGNMENTS}/filterByCurrentUser(on='principal')?$filter=status eq 'PendingApproval' and groupId eq '${LAUNCH_GROUP}'`;
  const answer = await h.call(url, { token: await h.token(ALEX) });
  expect(answer.status).toBe(200);
  return answer.body.value as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Graph JSON
}

describe("PIM for Groups values as the docs spell them", () => {
  it("answers the docs' pending example with SelfActivate and AfterDuration, in the docs' shape", async () => {
    const [request, ...others] = await pendingForCurrentUser();

    expect(others).toEqual([]);
    expect(request).toMatchObject({
      status: "PendingApproval",
      accessId: "member",
      isValidationOnly: false,
      action: "SelfActivate",
      scheduleInfo: { expiration: { type: "AfterDuration", duration: "PT8H" } },
      ticketInfo: { ticketNumber: "09876" },
    });
    expect(request!.action).toBe(docsExample.action);
    expect(request!.scheduleInfo.expiration.type).toBe((docsExample.scheduleInfo as { expiration: { type: string } }).expiration.type);
    // Every member of the docs' example is there (its misspelt createdDateTIme aside, contract §9; `@odata.type` is
    // an annotation, checked with the other shapes in fixture-shapes.test.ts).
    const documented = Object.keys(docsExample)
      .filter((key) => !key.startsWith("@odata."))
      .map((key) => key.replace("DateTIme", "DateTime"));
    expect(documented.filter((key) => !(key in request!))).toEqual([]);
  });

  it("keeps the camelCase spellings on the other requests, so both appear side by side", async () => {
    const answer = await h.call(`${ASSIGNMENTS}?$filter=groupId eq '${LAUNCH_GROUP}'`, { token: await h.token(ADMIN) });
    const actions = new Set((answer.body.value as Array<{ action: string }>).map((r) => r.action));
    const all = await h.call(`${ASSIGNMENTS}?$filter=groupId eq '${groupId("campaign-editors")}'`, { token: await h.token(ADMIN) });

    expect(actions).toEqual(new Set(["SelfActivate", "adminAssign", "selfActivate"]));
    expect((all.body.value as Array<{ scheduleInfo: { expiration: { type: string } } }>).some((r) => r.scheduleInfo.expiration.type === "afterDuration")).toBe(true);
  });

  it("filters on action regardless of its casing", async () => {
    const token = await h.token(ADMIN);
    const spellings = await Promise.all(
      ["selfActivate", "SelfActivate", "SELFACTIVATE"].map(async (action) => {
        const answer = await h.call(`${ASSIGNMENTS}?$filter=groupId eq '${LAUNCH_GROUP}' and action eq '${action}'`, { token });
        return (answer.body.value as Array<{ id: string }>).map((r) => r.id).sort();
      }),
    );

    expect(spellings[0]).toHaveLength(3);
    expect(spellings[1]).toEqual(spellings[0]);
    expect(spellings[2]).toEqual(spellings[0]);
  });

  it("treats a SelfActivate request as self-service and cancels it like any other", async () => {
    const [request] = await pendingForCurrentUser();
    const token = await h.token(ALEX);

    expect(request!.createdBy.user.id).toBe(ALEX.oid);
    expect(request!.approvalId).toEqual(expect.any(String));
    expect((await h.call(`${ASSIGNMENTS}/${request!.id}/cancel`, { method: "POST", token })).status).toBe(204);
    expect(await pendingForCurrentUser()).toEqual([]);
  });

  it("maps into the app's request with the docs' spelling kept and the cancel offered", async () => {
    const [request] = await pendingForCurrentUser();

    const mapped = groupAssignmentCategory.toPendingRequest(groupAssignmentCategory.entitySchema.parse(request));

    expect(mapped).toMatchObject({ action: "SelfActivate", status: "PendingApproval", cancellable: true, schedule: { duration: "PT8H" } });
  });
});
