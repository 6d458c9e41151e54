import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ADMIN } from "../demo-tenant";
import { parseFilter } from "./engine/odata-filter";
import { startHarness, type Harness } from "./test-harness";

// PIM for Groups governs security groups and Microsoft 365 groups, so the admin view lists both kinds: the
// security groups, then `groupTypes/any(g:g eq 'Unified') and securityEnabled eq false` (README, "PIM for Groups").

let h: Harness;
let token = "";
beforeAll(async () => {
  h = await startHarness();
  token = await h.token(ADMIN);
});
afterAll(() => h.close());

type Group = { id: string; displayName: string; groupTypes: string[]; securityEnabled: boolean; mailEnabled: boolean; mail: string | null; visibility: string | null };
const groups = async (filter: string) => {
  const answer = await h.call(`/v1.0/groups?$filter=${encodeURIComponent(filter)}`, { token });
  return { status: answer.status, value: (answer.body.value ?? []) as Group[], error: answer.body.error as { code: string } | undefined };
};

describe("filtering groups on groupTypes", () => {
  it("finds the Microsoft 365 group that is not a security group, as Graph describes it", async () => {
    const { status, value } = await groups("groupTypes/any(g:g eq 'Unified') and securityEnabled eq false");

    expect(status).toBe(200);
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({
      displayName: "Product Launch Planning",
      groupTypes: ["Unified"],
      securityEnabled: false,
      mailEnabled: true,
      mail: "product-launch-planning@contoso.test",
      visibility: "Public",
    });
  });

  it("keeps the twelve security groups apart from it, each with no group types", async () => {
    const security = await groups("securityEnabled eq true");
    const everyGroup = await h.call("/v1.0/groups", { token });

    expect(security.value).toHaveLength(12);
    expect(security.value.every((g) => g.groupTypes.length === 0)).toBe(true);
    expect(everyGroup.body.value).toHaveLength(13);
  });

  it("matches the group type without regard to case, and with or inside the lambda", async () => {
    expect((await groups("groupTypes/any(x:x eq 'unified')")).value).toHaveLength(1);
    expect((await groups("groupTypes/any(g:g eq 'DynamicMembership' or g eq 'Unified')")).value).toHaveLength(1);
    expect((await groups("groupTypes/any(g:g eq 'DynamicMembership')")).value).toHaveLength(0);
  });

  it("answers 400 for a collection compared directly, any() on a single value, and all()", async () => {
    for (const filter of ["groupTypes eq 'Unified'", "displayName/any(g:g eq 'Unified')", "groupTypes/all(g:g eq 'Unified')", "groupTypes/any(g eq 'Unified')"]) {
      const { status, error } = await groups(filter);
      expect({ filter, status, code: error?.code }).toEqual({ filter, status: 400, code: "BadRequest" });
    }
  });

  it("parses the lambda into its property, range variable and body", () => {
    expect(parseFilter("groupTypes/any(g:g eq 'Unified') and securityEnabled eq false")).toEqual({
      kind: "and",
      left: { kind: "any", property: "groupTypes", variable: "g", body: { kind: "compare", op: "eq", property: "g", value: { type: "string", value: "Unified" } } },
      right: { kind: "compare", op: "eq", property: "securityEnabled", value: { type: "boolean", value: false } },
    });
  });
});
