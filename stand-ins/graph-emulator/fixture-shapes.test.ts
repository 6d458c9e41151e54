// Every A–E docs example (test-fixtures/graph-examples, copies of /work/shared/graph-examples) must be a
// response the emulator could have produced.
// - Shape: each property the example shows, at any depth, exists in the emulator's rendering of that entity type
//   for the same version and query. `@odata.*` annotations and the docs' misspelled
//   `createdDateTIme`/`completedDateTIme` (contract §9.11) are ignored.
// - Values: each value the example gives a closed-vocabulary property (statuses, types, actions, states,
//   schedule/expiration types, accessId, booleans, and B's "Self") is one the emulator renders at the same path
//   for that collection and version, searched across its admin and self-service views as Adele and Megan. (C's
//   docs spell some of these in PascalCase; group-fixture-values.test.ts has what else that takes.)

import { describe, expect, it } from "vitest";

import { ADMIN, MEGAN, type DemoPerson } from "../demo-tenant";
import { exampleEntities } from "../../test-support/graph-examples";
import { GOVERNANCE_PROVIDERS } from "./model-roles";
import { buildSeed, SEED_LANDMARKS } from "./seed";
import { GROUP_KEYS, groupId } from "./seed/directory-seed";
import {
  AP_BETA_OLD_BASE,
  AP_V1_BASE,
  GOVERNANCE_BASE,
  PIM_GROUP_BASE,
  PRIVILEGED_ROLE_BASE,
  ROLE_MANAGEMENT_BASE,
  harnessForFile,
} from "./test-harness";

const h = harnessForFile();

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

/**
 * Properties whose values come from a closed vocabulary. `userId` is here for B's "Self", which is a word, not an
 * id; every other id, date or free text is not compared.
 */
const CLOSED_VOCABULARY = new Set([
  "status",
  "subStatus",
  "assignmentState",
  "type",
  "action",
  "state",
  "requestType",
  "requestState",
  "requestStatus",
  "assignmentType",
  "memberType",
  "accessId",
  "userId",
]);
type Scalar = string | number | boolean | null;
type Values = Map<string, Set<Scalar>>;

const isScalar = (v: unknown): v is Scalar => v === null || ["string", "number", "boolean"].includes(typeof v);

/** Every scalar the emulator rendered, by path (`status/subStatus`, `scheduleInfo/expiration/type`; arrays as `[]`). */
function mergeValues(values: Values, value: unknown, path = ""): Values {
  if (Array.isArray(value)) for (const item of value) mergeValues(values, item, `${path}[]`);
  else if (isObject(value)) for (const [key, child] of Object.entries(value)) mergeValues(values, child, path ? `${path}/${key}` : key);
  else if (isScalar(value)) values.set(path, (values.get(path) ?? new Set()).add(value));
  return values;
}

/** "path = value" for each closed-vocabulary value (or boolean) in the example that the emulator never rendered there. */
function unproduced(example: unknown, values: Values): string[] {
  const wanted = mergeValues(new Map(), example);
  return [...wanted].flatMap(([path, examples]) => {
    const key = path.split("/").pop()!.replace(/\[\]$/, "");
    if (key.includes("@odata.")) return [];
    return [...examples]
      .filter((value) => (typeof value === "boolean" || (typeof value === "string" && CLOSED_VOCABULARY.has(key))) && !values.get(path)?.has(value))
      .map((value) => `${path} = ${JSON.stringify(value)}`);
  });
}

async function renderedValues(views: ReadonlyArray<readonly [string, DemoPerson]>): Promise<Values> {
  const values: Values = new Map();
  for (const [path, person] of views) {
    for (const page of await h.allPages(path, await h.token(person))) for (const item of page.body.value) mergeValues(values, item);
  }
  expect(values.size).toBeGreaterThan(0);
  return values;
}

const perGroup = (collection: string) => GROUP_KEYS.map((key) => `${PIM_GROUP_BASE}/${collection}?$filter=groupId eq '${groupId(key)}'`);

const perResource = () =>
  buildSeed().governanceResources.map((r) => `${GOVERNANCE_BASE}/${r.provider}/roleAssignmentRequests?$filter=resourceId eq '${r.id}'`);
const E_ASSIGNMENTS = `${ROLE_MANAGEMENT_BASE}/roleAssignmentScheduleRequests`;
const E_ELIGIBILITIES = `${ROLE_MANAGEMENT_BASE}/roleEligibilityScheduleRequests`;
const E_EXPAND = "$expand=roleDefinition,activatedUsing,principal,targetSchedule";
const D_BETA = "/beta/identityGovernance/entitlementManagement/assignmentRequests";
const D_BETA_EXPAND = "$expand=requestor($expand=connectedOrganization),accessPackage,accessPackageAssignment";

const asBoth = (paths: string[]) => paths.flatMap((path) => [[path, ADMIN], [path, MEGAN]] as const);
const asAdmin = (paths: string[]) => paths.map((path) => [path, ADMIN] as const);

/** Where each collection's values are searched: every view the emulator has of it, admin and self-service. */
const C_SELF = "filterByCurrentUser(on='principal')";
const POOLS = {
  "C assignment": () => [...asAdmin(perGroup("assignmentScheduleRequests")), ...asBoth([`${PIM_GROUP_BASE}/assignmentScheduleRequests/${C_SELF}`])],
  "C eligibility": () => [...asAdmin(perGroup("eligibilityScheduleRequests")), ...asBoth([`${PIM_GROUP_BASE}/eligibilityScheduleRequests/${C_SELF}`])],
  A: () => [
    ...asAdmin(perResource()),
    ...[ADMIN, MEGAN].flatMap((u) => GOVERNANCE_PROVIDERS.map((p) => [`${GOVERNANCE_BASE}/${p}/roleAssignmentRequests?$filter=subjectId eq '${u.oid}'`, u] as const)),
  ],
  B: () => [...asAdmin([`${PRIVILEGED_ROLE_BASE}?$expand=roleInfo`]), ...asBoth([`${PRIVILEGED_ROLE_BASE}/my`])],
  "D v1.0": () => [...asAdmin([`${AP_V1_BASE}?$expand=requestor,accessPackage,assignment`]), ...asBoth([`${AP_V1_BASE}/filterByCurrentUser(on='target')`])],
  "D beta": () => [
    ...asAdmin([`${AP_BETA_OLD_BASE}?${D_BETA_EXPAND}`, `${D_BETA}?${D_BETA_EXPAND}`]),
    ...asBoth([`${D_BETA}/filterByCurrentUser(on='target')?${D_BETA_EXPAND}`]),
  ],
  "E assignment": () => [...asAdmin([`${E_ASSIGNMENTS}?${E_EXPAND}`]), ...asBoth([`${E_ASSIGNMENTS}/filterByCurrentUser(on='principal')?${E_EXPAND}`])],
  "E eligibility": () => [
    ...asAdmin([`${E_ELIGIBILITIES}?$expand=roleDefinition,principal,targetSchedule`]),
    ...asBoth([`${E_ELIGIBILITIES}/filterByCurrentUser(on='principal')?$expand=roleDefinition,principal,targetSchedule`]),
  ],
} satisfies Record<string, () => ReadonlyArray<readonly [string, DemoPerson]>>;
type Pool = keyof typeof POOLS;

const CASES: Array<{ file: string; paths: () => string[]; person?: typeof ADMIN; pool: Pool }> = [
  { file: "C-privilegedAccessGroupAssignmentScheduleRequest-list.json", paths: () => perGroup("assignmentScheduleRequests"), pool: "C assignment" },
  {
    file: "C-privilegedAccessGroupAssignmentScheduleRequest-filterByCurrentUser-pending.json",
    paths: () => [`${PIM_GROUP_BASE}/assignmentScheduleRequests/${C_SELF}?$filter=status eq 'PendingApproval'`],
    person: MEGAN,
    pool: "C assignment",
  },
  { file: "C-privilegedAccessGroupEligibilityScheduleRequest-list.json", paths: () => perGroup("eligibilityScheduleRequests"), pool: "C eligibility" },
  { file: "D-accessPackageAssignmentRequest-list.json", paths: () => [AP_V1_BASE], pool: "D v1.0" },
  { file: "D-accessPackageAssignmentRequest-filterByCurrentUser.json", paths: () => [`${AP_V1_BASE}/filterByCurrentUser(on='target')`], person: MEGAN, pool: "D v1.0" },
  {
    file: "D-accessPackageAssignmentRequest-beta-list.json",
    paths: () => [`${AP_BETA_OLD_BASE}?$expand=requestor($expand=connectedOrganization)&$filter=(requestState eq 'PendingApproval')`],
    pool: "D beta",
  },
  {
    file: "D-accessPackageAssignmentRequest-beta-filterByCurrentUser.json",
    paths: () => [`${D_BETA}/filterByCurrentUser(on='target')`],
    person: MEGAN,
    pool: "D beta",
  },
  { file: "A-governanceRoleAssignmentRequest-list.json", paths: perResource, pool: "A" },
  { file: "B-privilegedRoleAssignmentRequest-list.json", paths: () => [PRIVILEGED_ROLE_BASE], pool: "B" },
  // Asked as the docs example asks it: no query options (roleInfo comes expanded, @odata.count included).
  { file: "B-privilegedRoleAssignmentRequest-my.json", paths: () => [`${PRIVILEGED_ROLE_BASE}/my`], person: MEGAN, pool: "B" },
  { file: "E-unifiedRoleAssignmentScheduleRequest-list.json", paths: () => [E_ASSIGNMENTS], pool: "E assignment" },
  {
    file: "E-unifiedRoleAssignmentScheduleRequest-list-expanded.json",
    paths: () => [`${E_ASSIGNMENTS}?$select=principalId,action,roleDefinitionId&${E_EXPAND}`],
    pool: "E assignment",
  },
  { file: "E-unifiedRoleEligibilityScheduleRequest-list.json", paths: () => [E_ELIGIBILITIES], pool: "E eligibility" },
];

describe("docs examples use only values the emulator produces", () => {
  for (const { file, pool } of CASES) {
    it(`${file} (${pool})`, async () => {
      const values = await renderedValues(POOLS[pool]());
      for (const example of exampleEntities(file)) expect(unproduced(example, values)).toEqual([]);
    });
  }
});

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
    expect(unproduced(example, mergeValues(new Map(), answer.body))).toEqual([]);
  });

  it("the value comparison notices a status, a nested type or a boolean the emulator never renders, and ignores ids", () => {
    const values = mergeValues(new Map(), { id: "1", status: "Granted", isValidationOnly: false, scheduleInfo: { expiration: { type: "noExpiration" } } });
    const example = { "@odata.type": "#x", id: "2", status: "Revoked", isValidationOnly: true, justification: "x", scheduleInfo: { expiration: { type: "afterDateTime" } }, statusDetails: [{ key: "k" }] };
    expect(unproduced(example, values)).toEqual(["status = \"Revoked\"", "isValidationOnly = true", "scheduleInfo/expiration/type = \"afterDateTime\""]);
  });

  it("the comparison itself notices a property the emulator lacks", () => {
    const shape = mergeShape(new Map(), { id: "1", schedule: { expiration: null } });
    expect(missing({ id: "x", extra: 1, schedule: { expiration: { type: "x" } } }, shape)).toEqual(["extra", "schedule.expiration (object)"]);
  });
});
