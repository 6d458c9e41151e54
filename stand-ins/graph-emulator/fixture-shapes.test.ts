// Every A–E docs example (test-fixtures/graph-examples, copies of /work/shared/graph-examples) must be a
// response the emulator could have produced: each property the example shows, at any depth, exists in the
// emulator's rendering of that entity type for the same version and query. `@odata.*` annotations and the docs'
// misspelled `createdDateTIme`/`completedDateTIme` (contract §9.11) are ignored. Only keys are compared, so the
// B examples' `"userId": "Self"` fits our real oids.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { ADMIN, MEGAN } from "../demo-tenant";
import { exampleEntities } from "../../test-support/graph-examples";
import { buildSeed, SEED_LANDMARKS } from "./seed";
import { GROUP_KEYS, groupId } from "./seed/directory-seed";
import {
  AP_BETA_OLD_BASE,
  AP_V1_BASE,
  GOVERNANCE_BASE,
  PIM_GROUP_BASE,
  PRIVILEGED_ROLE_BASE,
  ROLE_MANAGEMENT_BASE,
  startHarness,
  type Harness,
} from "./test-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.reset();
});

const IGNORED = new Set(["createdDateTIme", "completedDateTIme"]);
type Shape = Map<string, Shape>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The union of keys (recursively, objects only) over everything the emulator rendered. */
function mergeShape(shape: Shape, value: unknown): Shape {
  if (!isObject(value)) return shape;
  for (const [key, child] of Object.entries(value)) {
    const sub = shape.get(key) ?? new Map();
    shape.set(key, mergeShape(sub, child));
  }
  return shape;
}

/** Paths present in the example but not in the emulator's shape. */
function missing(example: unknown, shape: Shape, path = ""): string[] {
  if (!isObject(example)) return [];
  return Object.entries(example).flatMap(([key, value]) => {
    // Instance and property annotations (`@odata.context`, `roleInfo@odata.context`) are not properties.
    if (key.includes("@odata.") || IGNORED.has(key)) return [];
    const sub = shape.get(key);
    if (!sub) return [`${path}${key}`];
    // An example object where the emulator only ever rendered null/scalars is a shape mismatch too.
    if (isObject(value) && Object.keys(value).some((k) => !k.startsWith("@odata.")) && sub.size === 0) return [`${path}${key} (object)`];
    return missing(value, sub, `${path}${key}.`);
  });
}

async function renderedShape(paths: string[], person = ADMIN): Promise<Shape> {
  const token = await h.token(person);
  const shape: Shape = new Map();
  for (const path of paths) {
    for (const page of await h.allPages(path, token)) for (const item of page.body.value) mergeShape(shape, item);
  }
  expect(shape.size).toBeGreaterThan(0);
  return shape;
}

const perGroup = (collection: string) => GROUP_KEYS.map((key) => `${PIM_GROUP_BASE}/${collection}?$filter=groupId eq '${groupId(key)}'`);

const perResource = () =>
  buildSeed().governanceResources.map((r) => `${GOVERNANCE_BASE}/${r.provider}/roleAssignmentRequests?$filter=resourceId eq '${r.id}'`);
const E_ASSIGNMENTS = `${ROLE_MANAGEMENT_BASE}/roleAssignmentScheduleRequests`;

const CASES: Array<{ file: string; paths: () => string[]; person?: typeof ADMIN }> = [
  { file: "C-privilegedAccessGroupAssignmentScheduleRequest-list.json", paths: () => perGroup("assignmentScheduleRequests") },
  {
    file: "C-privilegedAccessGroupAssignmentScheduleRequest-filterByCurrentUser-pending.json",
    paths: () => [`${PIM_GROUP_BASE}/assignmentScheduleRequests/filterByCurrentUser(on='principal')?$filter=status eq 'PendingApproval'`],
    person: MEGAN,
  },
  { file: "C-privilegedAccessGroupEligibilityScheduleRequest-list.json", paths: () => perGroup("eligibilityScheduleRequests") },
  { file: "D-accessPackageAssignmentRequest-list.json", paths: () => [AP_V1_BASE] },
  { file: "D-accessPackageAssignmentRequest-filterByCurrentUser.json", paths: () => [`${AP_V1_BASE}/filterByCurrentUser(on='target')`], person: MEGAN },
  {
    file: "D-accessPackageAssignmentRequest-beta-list.json",
    paths: () => [`${AP_BETA_OLD_BASE}?$expand=requestor($expand=connectedOrganization)&$filter=(requestState eq 'PendingApproval')`],
  },
  {
    file: "D-accessPackageAssignmentRequest-beta-filterByCurrentUser.json",
    paths: () => ["/beta/identityGovernance/entitlementManagement/assignmentRequests/filterByCurrentUser(on='target')"],
    person: MEGAN,
  },
  { file: "A-governanceRoleAssignmentRequest-list.json", paths: perResource },
  { file: "B-privilegedRoleAssignmentRequest-list.json", paths: () => [PRIVILEGED_ROLE_BASE] },
  { file: "B-privilegedRoleAssignmentRequest-my.json", paths: () => [`${PRIVILEGED_ROLE_BASE}/my?$expand=roleInfo`], person: MEGAN },
  { file: "E-unifiedRoleAssignmentScheduleRequest-list.json", paths: () => [E_ASSIGNMENTS] },
  {
    file: "E-unifiedRoleAssignmentScheduleRequest-list-expanded.json",
    paths: () => [`${E_ASSIGNMENTS}?$select=principalId,action,roleDefinitionId&$expand=roleDefinition,activatedUsing,principal,targetSchedule`],
  },
  { file: "E-unifiedRoleEligibilityScheduleRequest-list.json", paths: () => [`${ROLE_MANAGEMENT_BASE}/roleEligibilityScheduleRequests`] },
];

describe("docs examples fit the emulator's shapes", () => {
  for (const { file, paths, person } of CASES) {
    it(file, async () => {
      const shape = await renderedShape(paths(), person);
      const examples = exampleEntities(file);
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) expect(missing(example, shape)).toEqual([]);
    });
  }

  it("B-privilegedRoleAssignmentRequest-cancel-response.json", async () => {
    const answer = await h.call(`${PRIVILEGED_ROLE_BASE}/${SEED_LANDMARKS.privilegedRole.adminCancellable.id}/cancel`, { method: "POST", token: await h.token(ADMIN) });
    expect(answer.status).toBe(200);
    const [example] = exampleEntities("B-privilegedRoleAssignmentRequest-cancel-response.json");
    expect(missing(example, mergeShape(new Map(), answer.body))).toEqual([]);
  });

  it("the comparison itself notices a property the emulator lacks", () => {
    const shape = mergeShape(new Map(), { id: "1", schedule: { expiration: null } });
    expect(missing({ id: "x", extra: 1, schedule: { expiration: { type: "x" } } }, shape)).toEqual(["extra", "schedule.expiration (object)"]);
  });
});
