// The spec's example bodies (fixtures/arm-examples, copies of shared/arm-examples) must be answers the emulator
// could have given: every key the examples show, at any depth, is in the emulator's rendering of that kind, with the
// same shape (object vs. value), and the emulator adds no key the examples lack except the spec-defined
// `linkedRoleEligibilityScheduleId` (assignments; not in the example). The cancel example's "200": {} is a 200 with
// no body.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { ADMIN } from "../demo-tenant";
import { person } from "./seed/principals";
import { ARM_SCOPES, SEED_LANDMARKS } from "./seed";
import { ASSIGNMENT_REQUESTS, ELIGIBILITY_REQUESTS, armHarnessForFile, pimPath } from "./test-harness";

const LOCAL = fileURLToPath(new URL("./fixtures/arm-examples/", import.meta.url));
const SHARED = fileURLToPath(new URL("../../../shared/arm-examples/", import.meta.url));

const h = armHarnessForFile();

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

/** "path: object" for objects, "path: value" for everything else, recursively. */
function shapeOf(value: Json, path = ""): string[] {
  if (!isObject(value)) return [`${path}: value`];
  return [`${path}: object`, ...Object.entries(value).flatMap(([key, child]) => shapeOf(child, path ? `${path}.${key}` : key))];
}

function exampleEntity(file: string): Json {
  const example = JSON.parse(readFileSync(`${LOCAL}${file}`, "utf8")) as { responses: { 200: { body: { value: Json[] } } } };
  return example.responses[200].body.value[0];
}

describe("the spec's examples", () => {
  it.runIf(existsSync(SHARED))("are an exact copy of shared/arm-examples", () => {
    expect(readdirSync(LOCAL).sort()).toEqual(readdirSync(SHARED).sort());
    for (const file of readdirSync(SHARED)) expect(readFileSync(`${LOCAL}${file}`, "utf8"), file).toBe(readFileSync(`${SHARED}${file}`, "utf8"));
  });

  it.each([
    ["RoleAssignmentScheduleRequests_ListForScope.json", ASSIGNMENT_REQUESTS, ["properties.linkedRoleEligibilityScheduleId: value"]],
    ["RoleEligibilityScheduleRequests_ListForScope.json", ELIGIBILITY_REQUESTS, []],
  ])("%s: rendered entities have the example's keys and shapes", async (file, collection, extras) => {
    const expected = new Set(shapeOf(exampleEntity(file)));
    const items = await h.allItems(pimPath(ARM_SCOPES.rootGroup, collection), await h.token(person("nestor")));
    expect(items.length).toBeGreaterThan(20);
    for (const item of items) {
      // Nullable leaves (approvalId, justification, condition…) are "value" either way; objects must stay objects.
      expect(new Set(shapeOf(item))).toEqual(new Set([...expected, ...extras]));
    }
  });

  it("the cancel example: 200 and no body", async () => {
    const example = JSON.parse(readFileSync(`${LOCAL}RoleAssignmentScheduleRequests_Cancel.json`, "utf8")) as { responses: Record<string, Json> };
    expect(Object.keys(example.responses)).toEqual(["200"]);
    const answer = await h.call(`${SEED_LANDMARKS.assignment.colleagueCancellable.id}/cancel?api-version=2020-10-01`, { token: await h.token(ADMIN), method: "POST" });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("");
  });

  it("ids and types are cased as the assignment example shows them", async () => {
    const [item] = await h.allItems(pimPath(ARM_SCOPES.paymentsKeyVault, ASSIGNMENT_REQUESTS, "", "$filter=asTarget()"), await h.token(ADMIN));
    expect(item.type).toBe("Microsoft.Authorization/RoleAssignmentScheduleRequests");
    expect(item.id).toBe(`${ARM_SCOPES.paymentsKeyVault}/providers/Microsoft.Authorization/RoleAssignmentScheduleRequests/${item.name}`);
    expect(item.properties.roleDefinitionId).toBe(`${ARM_SCOPES.contosoProduction}/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6`);
    expect(item.properties.expandedProperties.roleDefinition).toEqual({ id: item.properties.roleDefinitionId, displayName: "Key Vault Secrets User", type: "BuiltInRole" });
    expect(item.properties.expandedProperties.principal).toEqual({ id: ADMIN.oid, displayName: "Adele Vance", email: "admin@contoso.test", type: "User" });
  });
});
