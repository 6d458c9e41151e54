import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { groupAssignmentCategory } from "@/lib/categories/group-assignment";
import { ADMIN, DEMO_PEOPLE } from "../demo-tenant";
import { exampleEntities } from "../../test-support/graph-examples";
import { GROUP_KEYS, groupId } from "./seed/directory-seed";
import { PIM_GROUP_BASE, startHarness, type Harness } from "./test-harness";

// The docs' PIM for Groups examples spell some values in PascalCase ("SelfActivate", "AfterDuration") and others in
// camelCase ("adminAssign", "afterDateTime"), contract §5. Docs examples must be answers the emulator could give:
// every value of the C examples (test-fixtures/graph-examples) is one the emulator renders at the same place, and
// the documented pending-requests question gets the pending example's answer.

const C_EXAMPLES = {
  assignmentScheduleRequests: [
    "C-privilegedAccessGroupAssignmentScheduleRequest-list.json",
    "C-privilegedAccessGroupAssignmentScheduleRequest-filterByCurrentUser-pending.json",
  ],
  eligibilityScheduleRequests: ["C-privilegedAccessGroupEligibilityScheduleRequest-list.json"],
} as const;
const docsExample = exampleEntities(C_EXAMPLES.assignmentScheduleRequests[1])[0] as Record<string, unknown>;

/** The values the examples take from a closed vocabulary (statuses, actions, expiration types, accessId) or booleans. */
const VOCABULARY = new Set(["status", "action", "type", "accessId"]);
function vocabularyValues(value: unknown, path = "", into = new Set<string>()): Set<string> {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) vocabularyValues(child, path ? `${path}/${key}` : key, into);
  } else if (typeof value === "boolean" || (typeof value === "string" && VOCABULARY.has(path.split("/").pop()!))) {
    into.add(`${path} = ${JSON.stringify(value)}`);
  }
  return into;
}

const ASSIGNMENTS = `${PIM_GROUP_BASE}/assignmentScheduleRequests`;
const ALEX = DEMO_PEOPLE.find((p) => p.userPrincipalName === "alex@contoso.test")!;
const LAUNCH_GROUP = groupId("launch-planning");

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.reset();
});

/** The docs' pending example (§5): the caller's own PendingApproval requests for one group. */
async function pendingForCurrentUser() {
  const url = `${ASSIGNMENTS}/filterByCurrentUser(on='principal')?$filter=status eq 'PendingApproval' and groupId eq '${LAUNCH_GROUP}'`;
  const answer = await h.call(url, { token: await h.token(ALEX) });
  expect(answer.status).toBe(200);
  return answer.body.value as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Graph JSON
}

describe("PIM for Groups values as the docs spell them", () => {
  it("renders every value the C examples show, at the same place, for each collection", async () => {
    const token = await h.token(ADMIN);
    for (const [collection, files] of Object.entries(C_EXAMPLES)) {
      const rendered = new Set<string>();
      for (const key of GROUP_KEYS) {
        for (const page of await h.allPages(`${PIM_GROUP_BASE}/${collection}?$filter=groupId eq '${groupId(key)}'`, token)) {
          for (const entity of page.body.value) vocabularyValues(entity, "", rendered);
        }
      }
      const wanted = files.flatMap((file) => exampleEntities(file).flatMap((entity) => [...vocabularyValues(entity)]));

      expect(wanted).toContain(collection === "assignmentScheduleRequests" ? 'action = "SelfActivate"' : 'action = "adminAssign"');
      expect({ collection, unproduced: wanted.filter((value) => !rendered.has(value)) }).toEqual({ collection, unproduced: [] });
    }
  });

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
