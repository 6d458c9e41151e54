// Paging (contract "Endpoints"): `nextLink` is an absolute URL carrying `$skipToken`, followed verbatim; pages
// neither repeat nor skip rows, even when a row changes status between pages.

import { describe, expect, it } from "vitest";

import { person } from "./seed/principals";
import { ARM_SCOPES } from "./seed";
import { ASSIGNMENT_REQUESTS, armHarnessForFile, pimPath } from "./test-harness";

const h = armHarnessForFile({ pageSize: 7 });
const path = pimPath(ARM_SCOPES.rootGroup, ASSIGNMENT_REQUESTS);

describe("nextLink paging", () => {
  it("pages by the configured size with absolute nextLinks that keep the query", async () => {
    const token = await h.token(person("nestor"));
    const pages = await h.allPages(pimPath(ARM_SCOPES.rootGroup, ASSIGNMENT_REQUESTS), token);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages.slice(0, -1)) {
      expect(page.body.value).toHaveLength(7);
      expect(page.body.nextLink.startsWith(`${h.url}${ARM_SCOPES.rootGroup}/providers/Microsoft.Authorization/roleAssignmentScheduleRequests?`)).toBe(true);
      expect(page.body.nextLink).toContain("api-version=2020-10-01");
      expect(page.body.nextLink).toMatch(/[?&]\$skipToken=[^&]+/);
    }
    expect(pages.at(-1)!.body.nextLink).toBeUndefined();
    const all = pages.flatMap((p) => p.body.value.map((i: { id: string }) => i.id));
    expect(new Set(all).size).toBe(all.length);

    await h.control("config", { pageSize: 1000 });
    const [single] = await h.allPages(pimPath(ARM_SCOPES.rootGroup, ASSIGNMENT_REQUESTS), token);
    expect(single!.body.value.map((i: { id: string }) => i.id)).toEqual(all);
  });

  it("keeps $filter in the nextLink", async () => {
    const token = await h.token(person("nestor"));
    await h.control("config", { pageSize: 2 });
    const everyone = await h.allPages(pimPath(ARM_SCOPES.rootGroup, ASSIGNMENT_REQUESTS, "", `$filter=${encodeURIComponent(`principalId eq '${person("alex").oid}'`)}`), token);
    expect(everyone[0]!.body.nextLink).toContain(`$filter=${encodeURIComponent(`principalId eq '${person("alex").oid}'`)}`);
    for (const page of everyone) for (const item of page.body.value) expect(item.properties.principalId).toBe(person("alex").oid);
  });

  it("a row cancelled between pages shifts nothing", async () => {
    const token = await h.token(person("nestor"));
    const before = (await h.allPages(pimPath(ARM_SCOPES.rootGroup, ASSIGNMENT_REQUESTS), token)).flatMap((p) => p.body.value.map((i: { id: string }) => i.id));
    const first = await h.call(pimPath(ARM_SCOPES.rootGroup, ASSIGNMENT_REQUESTS), { token });
    // One row already shown and one still to come change status meanwhile.
    const shown = first.body.value[0];
    const next = await h.call(first.body.nextLink, { token });
    for (const name of [shown.name, next.body.value[0].name]) {
      expect((await h.control(`requests/assignment/${name}`, { status: "Canceled" })).status).toBe(200);
    }
    const rest = (await h.allPages(first.body.nextLink, token)).flatMap((p) => p.body.value.map((i: { id: string }) => i.id));
    expect([...first.body.value.map((i: { id: string }) => i.id), ...rest]).toEqual(before);
  });

  it("refuses a skip token it did not issue", async () => {
    const answer = await h.call(`${path}&$skipToken=!!!`, { token: await h.token(person("nestor")) });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidSkipToken");
  });
});
