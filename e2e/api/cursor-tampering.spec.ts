import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiCallsAsAdmin } from "../support/api-suite";
import { clearGraphLog, graphLog } from "../support/emulator";
import { AUTH_STATE } from "../support/sign-in";
import { accessTokenFor } from "../support/tokens";
import { GRAPH_EMULATOR_URL } from "../../scripts/demo-env";
import { ADMIN } from "../../stand-ins/demo-tenant";

// List cursors are sealed by the server (README, "List cursors"): a cursor that was changed, forged, or used for
// another category, view or user is a 400 invalid_cursor, and nothing reaches Graph; the genuine one pages on.
// PIM v2 ("governance-role") is the list under test: its My requests filter on the caller's id, and the admin has
// requests from three providers, so with one item per Graph page every kind of cursor shows up.

const auth = apiCallsAsAdmin();
const CATEGORY = "governance-role";

interface Page {
  items: Array<{ id: string; principal: { id: string } }>;
  nextCursor: string | null;
}

test.beforeEach(async ({ request }) => {
  expect((await request.post(`${GRAPH_EMULATOR_URL}/_emulator/config`, { data: { pageSize: 1 } })).ok()).toBe(true);
});

function list(request: APIRequestContext, view: string, cursor: string | null, headers: Record<string, string>, category = CATEGORY) {
  const params = new URLSearchParams({ category, view });
  if (cursor) params.set("cursor", cursor);
  return request.get(`/api/requests?${params}`, { headers });
}

async function firstCursor(request: APIRequestContext, view: string): Promise<string> {
  const response = await list(request, view, null, auth());
  expect(response.status()).toBe(200);
  const page = (await response.json()) as Page;
  expect(page.nextCursor).not.toBeNull();
  return page.nextCursor!;
}

async function expectRefused(request: APIRequestContext, view: string, cursor: string, headers = auth(), category = CATEGORY) {
  const response = await list(request, view, cursor, headers, category);
  expect(response.status(), cursor.slice(0, 60)).toBe(400);
  expect(await response.json()).toEqual({ error: { code: "invalid_cursor", message: expect.any(String), time: expect.any(String) } });
}

/** Every page of a list, following the server's cursors. */
async function allPages(request: APIRequestContext, view: string, start: string | null = null): Promise<Page["items"]> {
  const items: Page["items"] = [];
  let cursor = start;
  let pages = 0;
  do {
    const response = await list(request, view, cursor, auth());
    expect(response.status()).toBe(200);
    const page = (await response.json()) as Page;
    items.push(...page.items);
    cursor = page.nextCursor;
    expect(++pages).toBeLessThan(100);
  } while (cursor);
  return items;
}

const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

test("a changed cursor is refused, wherever the change is, and nothing reaches Graph", async ({ request }) => {
  const cursor = await firstCursor(request, "mine");
  const [payload] = cursor.split(".") as [string];
  await clearGraphLog(request);
  for (const changed of [flip(cursor, 0), flip(cursor, payload.length - 1), flip(cursor, payload.length + 1), flip(cursor, cursor.length - 1), cursor.slice(0, -2), `${cursor}A`, payload]) {
    await expectRefused(request, "mine", changed);
  }
  expect(await graphLog(request)).toEqual([]);
});

test("a cursor is refused for another category, another view or another user", async ({ request, browser }) => {
  const mine = await firstCursor(request, "mine");
  const all = await firstCursor(request, "all");
  const megan = { Authorization: `Bearer ${await accessTokenFor(browser, AUTH_STATE.megan)}` };
  await clearGraphLog(request);
  await expectRefused(request, "mine", mine, auth(), "access-package");
  await expectRefused(request, "all", mine);
  await expectRefused(request, "mine", all);
  await expectRefused(request, "mine", mine, megan);
  expect(await graphLog(request)).toEqual([]);
});

test("a forged cursor is refused, however plausible its contents", async ({ request }) => {
  const cursor = await firstCursor(request, "mine");
  const [payload, seal] = cursor.split(".") as [string, string];
  const opened = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
  await clearGraphLog(request);
  for (const forged of [
    // The old, unsealed form: a whole Graph link.
    b64({ c: CATEGORY, v: "mine", s: 0, l: `${GRAPH_EMULATOR_URL}/beta/privilegedAccess/azureResources/roleAssignmentRequests` }),
    // The real payload with the subject filter smuggled in, under the real seal.
    `${b64({ ...opened, p: [["$filter", "subjectId ne ''"]] })}.${seal}`,
    `${b64({ ...opened, l: `${GRAPH_EMULATOR_URL}/beta/privilegedAccess/azureResources/roleAssignmentRequests` })}.${seal}`,
    `${b64({ ...opened, s: 2 })}.${seal}`,
    // A well-formed payload with a made-up seal.
    `${b64({ s: 0, p: [["$skiptoken", "x"]], x: Date.now() + 60_000 })}.${"A".repeat(43)}`,
    "x".repeat(9_000),
  ]) {
    await expectRefused(request, "mine", forged);
  }
  expect(await graphLog(request)).toEqual([]);
});

test("the genuine cursor still pages the whole list, and My requests keep their subject filter on every page", async ({ request }) => {
  // Refused attempts first: they must not spoil the cursor they were made from.
  const cursor = await firstCursor(request, "mine");
  await expectRefused(request, "mine", flip(cursor, 3));
  await clearGraphLog(request);

  const paged = await allPages(request, "mine");
  // The same list, read with Graph's usual page size, is what paging must add up to.
  expect((await request.post(`${GRAPH_EMULATOR_URL}/_emulator/config`, { data: { pageSize: 100 } })).ok()).toBe(true);
  const unpaged = await allPages(request, "mine");
  expect(paged.map((i) => i.id).sort()).toEqual(unpaged.map((i) => i.id).sort());
  expect(paged.length).toBeGreaterThan(3);
  for (const item of paged) expect(item.principal.id).toBe(ADMIN.oid);

  const requestLists = (await graphLog(request)).filter((call) => /\/roleAssignmentRequests$/.test(call.path));
  expect(requestLists.length).toBeGreaterThanOrEqual(paged.length);
  for (const call of requestLists) expect(call.query["$filter"]).toBe(`subjectId eq '${ADMIN.oid}'`);
  expect(requestLists.some((call) => call.query["$skiptoken"] !== undefined)).toBe(true);
});
