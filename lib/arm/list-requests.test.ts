import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import type { PendingRequest } from "@/lib/requests/pending-request";
import { sealCursor } from "@/lib/upstreams/cursor";
import { cursorCaller } from "@/lib/upstreams/cursor-caller";
import { ADMIN, LEE, MEGAN } from "../../stand-ins/demo-tenant";
import { ARM_SCOPES, SEED_LANDMARKS } from "../../stand-ins/arm-emulator/seed";
import { person } from "../../stand-ins/arm-emulator/seed/principals";
import { assignmentCategory, eligibilityCategory, armStandInForApp, storedArmRequests } from "./arm-test-kit";
import { ARM_LIST_CONCURRENCY, ARM_SCOPES_PER_PAGE, listArmRequestPage, type ArmRequestPage } from "./list-requests";
import { NO_VISIBLE_SCOPES_MESSAGE } from "./no-visible-scopes";

// The Azure role lists against the real ARM stand-in, in-process: what an admin sees across their management groups
// and subscriptions, and what anyone sees of their own requests, page by page.

const h = armStandInForApp();
const S = ARM_SCOPES;
const A = SEED_LANDMARKS.assignment;
const E = SEED_LANDMARKS.eligibility;

const stored = (kind: "assignment" | "eligibility") => storedArmRequests(h, kind);
const nameOf = (item: PendingRequest) => assignmentCategory.requestRef(item.id).name;
const under = (scopeId: string, roots: readonly string[]) =>
  roots.some((root) => scopeId.toLowerCase() === root.toLowerCase() || scopeId.toLowerCase().startsWith(`${root.toLowerCase()}/`));
const armLog = async (): Promise<Array<{ method: string; path: string; query: Record<string, string>; status: number }>> => (await h.control("requests")).body;

// Adele: Owner of the Production management group (so Contoso Production and Contoso Development), Owner of Contoso
// Production and Marketing Analytics, Reader of Contoso Sandbox; nothing in Finance Restricted or at Contoso Root.
const ADELE_SEES = [S.productionGroup, S.contosoProduction, S.contosoDevelopment, S.marketingAnalytics, S.contosoSandbox];

async function allView(token: string, category = assignmentCategory, cursor?: string): Promise<ArmRequestPage> {
  return listArmRequestPage({ category, view: "all", cursor, token });
}

/** Every page of the admin view, first to last, as the browser follows them. */
async function allPages(token: string, category = assignmentCategory): Promise<ArmRequestPage[]> {
  const pages: ArmRequestPage[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await allView(token, category, cursor);
    pages.push(page);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
}

describe("the admin view (all)", () => {
  it("lists every request in Adele's management group and subscriptions once, newest first, and none from Finance Restricted", async () => {
    const token = await h.token(ADMIN);
    for (const [category, kind, landmarks] of [
      [assignmentCategory, "assignment", A],
      [eligibilityCategory, "eligibility", E],
    ] as const) {
      const page = await allView(token, category);
      const names = page.items.map(nameOf);
      expect(new Set(names).size).toBe(names.length);
      const expected = (await stored(kind)).filter((r) => under(r.scopeId, ADELE_SEES)).map((r) => r.name);
      expect(names.sort()).toEqual(expected.sort());
      expect(names).not.toContain(landmarks.restrictedCancellable.name);
      expect(names).toEqual(expect.arrayContaining([landmarks.adminCancellable.name, landmarks.colleagueCancellable.name, landmarks.meganCancellable.name]));
      expect(page.nextCursor).toBeNull();
      expect(page.skippedScopes).toBeUndefined();
    }
    const page = await allView(token);
    const created = page.items.map((i) => Date.parse(i.createdDateTime!));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    // Names come with the entity: the row says who, what role and where.
    const kv = page.items.find((i) => nameOf(i) === A.adminCancellable.name)!;
    expect(kv).toMatchObject({ status: "PendingApproval", cancellable: true, isOpen: true, principal: { displayName: A.adminCancellable.principalDisplayName } });
    expect(kv.target.displayName).toBe(`${A.adminCancellable.roleDisplayName} on ${A.adminCancellable.scopeDisplayName}`);
  });

  it("asks each visible scope once, at most ARM_LIST_CONCURRENCY at a time, after the two scope lists", async () => {
    await h.control("requests", undefined, "DELETE");
    await allView(await h.token(ADMIN));
    const log = await armLog();
    expect(log.filter((c) => /managementGroups$/i.test(c.path) || c.path === "/subscriptions")).toHaveLength(2);
    // Unfiltered: the scopes' lists, not the one self-service list cancel-rights reads to learn who the caller is.
    const lists = log.filter((c) => c.path.endsWith("/roleAssignmentScheduleRequests") && !c.query.$filter);
    // Production (group) + Contoso Production, Contoso Development, Marketing Analytics, Contoso Sandbox.
    expect(lists).toHaveLength(5);
    // And the caller's permissions at each of them (cancel-rights.test.ts).
    expect(log.filter((c) => c.path.endsWith("/permissions"))).toHaveLength(5);
    expect(ARM_LIST_CONCURRENCY).toBeGreaterThan(1);
    expect(lists.every((c) => c.status === 200)).toBe(true);
  });

  it("skips a subscription that refuses (403), lists the rest, and says which one was left out", async () => {
    const sandbox = S.contosoSandbox;
    await h.control("faults", { method: "GET", pathPattern: `^${sandbox}/providers/Microsoft.Authorization/`, status: 403, times: 1 });
    const page = await allView(await h.token(ADMIN));
    expect(page.skippedScopes).toEqual([{ displayName: "Contoso Sandbox", kind: "Subscription", reason: expect.stringContaining("AuthorizationFailed") }]);
    expect(page.skippedScopes![0]!.reason).toContain("Microsoft.Authorization/roleAssignmentScheduleRequests/read");
    const names = page.items.map(nameOf);
    const expected = (await stored("assignment")).filter((r) => under(r.scopeId, ADELE_SEES) && !under(r.scopeId, [sandbox])).map((r) => r.name);
    expect(names.sort()).toEqual(expected.sort());
    expect(names).toContain(A.adminCancellable.name);
  });

  it("is forbidden, naming the read permission, when every scope refuses", async () => {
    await h.control("faults", { method: "GET", pathPattern: "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests$", status: 403, times: 10 });
    const error = await allView(await h.token(LEE)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "forbidden", status: 403, upstream: "arm", upstreamCode: "AuthorizationFailed" });
    expect((error as AppError).message).toContain("Microsoft.Authorization/roleAssignmentScheduleRequests/read");
    expect((error as AppError).requestId).toBeTruthy();
  });

  it("tells someone with no Azure role that there is nothing for them to review", async () => {
    await expect(allView(await h.token(MEGAN))).rejects.toMatchObject({ code: "forbidden", message: NO_VISIBLE_SCOPES_MESSAGE });
  });

  it("fails the page with a claims challenge when ARM asks for one, on any of its calls", async () => {
    await h.control("claims-challenge", { authContext: "c1", method: "GET", pathPattern: "roleAssignmentScheduleRequests$" });
    const error = (await allView(await h.token(ADMIN, { capabilities: ["cp1"] })).catch((e: unknown) => e)) as AppError;
    expect(error).toMatchObject({ code: "claims_challenge", status: 401, upstream: "arm" });
    expect(JSON.parse(Buffer.from(error.claims!, "base64").toString())).toEqual({ access_token: { acrs: { essential: true, value: "c1" } } });
  });
});

// Nestor: Owner of Contoso Root, so he sees both management groups (Contoso Root holding Production) and all five
// subscriptions: seven scopes, more than one page lists, and a request at Production or at one of its subscriptions is
// in the lists of Contoso Root, of Production and of its subscription.
const NESTOR = person("nestor");
// (Scope ids are prefixes only down from a subscription: a group's id does not say what it holds.)
const NESTOR_SEES = [S.rootGroup, S.productionGroup, S.contosoProduction, S.contosoDevelopment, S.marketingAnalytics, S.financeRestricted, S.contosoSandbox];
const NESTOR_SCOPES = NESTOR_SEES.length;

describe("the admin view (all), page by page", () => {
  it("lists ARM_SCOPES_PER_PAGE scopes per page, each once, and ends with a null cursor", async () => {
    expect(NESTOR_SCOPES).toBeGreaterThan(ARM_SCOPES_PER_PAGE);
    await h.control("requests", undefined, "DELETE");
    const pages = await allPages(await h.token(NESTOR));
    expect(pages).toHaveLength(Math.ceil(NESTOR_SCOPES / ARM_SCOPES_PER_PAGE));
    expect(pages.slice(0, -1).every((p) => typeof p.nextCursor === "string")).toBe(true);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    const log = await armLog();
    const lists = log.filter((c) => c.path.endsWith("/roleAssignmentScheduleRequests") && !c.query.$filter).map((c) => c.path.toLowerCase());
    expect(lists).toHaveLength(NESTOR_SCOPES);
    expect(new Set(lists).size).toBe(NESTOR_SCOPES);
    // The scopes are read again for each page: the server keeps nothing between them.
    expect(log.filter((c) => c.path === "/subscriptions")).toHaveLength(pages.length);
  });

  it("shows every request exactly once across the pages, though ARM lists it at its scope and at every group above", async () => {
    const token = await h.token(NESTOR);
    for (const [category, kind] of [
      [assignmentCategory, "assignment"],
      [eligibilityCategory, "eligibility"],
    ] as const) {
      const pages = await allPages(token, category);
      const names = pages.flatMap((p) => p.items.map(nameOf));
      expect(new Set(names).size, kind).toBe(names.length);
      const all = (await stored(kind)).filter((r) => under(r.scopeId, NESTOR_SEES));
      expect(names.sort(), kind).toEqual(all.map((r) => r.name).sort());
      // Some of them at Production (listed by Contoso Root too) and some in its subscriptions (listed by both groups).
      expect(all.some((r) => under(r.scopeId, [S.contosoProduction, S.contosoDevelopment]))).toBe(true);
      expect(all.some((r) => r.scopeId === S.productionGroup)).toBe(true);
      expect(pages.flatMap((p) => p.skippedScopes ?? [])).toEqual([]);
    }
  });

  it("refuses a tampered or foreign cursor (400) without asking ARM", async () => {
    const token = await h.token(NESTOR);
    const first = await allView(token);
    await h.control("requests", undefined, "DELETE");
    const [payload, seal] = first.nextCursor!.split(".");
    const opened = JSON.parse(Buffer.from(payload!, "base64url").toString()) as { s: number; p: Array<[string, string]>; x: number };
    expect(opened.s).toBe(ARM_SCOPES_PER_PAGE);
    const rewritten = (change: object) => `${Buffer.from(JSON.stringify({ ...opened, ...change })).toString("base64url")}.${seal}`;
    const caller = cursorCaller(token);
    for (const cursor of [
      rewritten({ s: 1 }),
      rewritten({ p: [["$skipToken", "x"]] }),
      // Sealed here, but not for this view, category or shape.
      sealCursor({ category: "azure-role-assignment", view: "mine", caller }, { source: opened.s, paging: [] }),
      sealCursor({ category: "azure-role-eligibility", view: "all", caller }, { source: opened.s, paging: [] }),
      sealCursor({ category: "azure-role-assignment", view: "all", caller }, { source: 0, paging: [] }),
      sealCursor({ category: "azure-role-assignment", view: "all", caller }, { source: opened.s, paging: [["$skipToken", "x"]] }),
      first.nextCursor!.slice(0, 20),
    ]) {
      await expect(allView(token, assignmentCategory, cursor)).rejects.toMatchObject({ code: "invalid_cursor", status: 400 });
    }
    // Another user's cursor: Adele's own admin view does not take Nestor's.
    await expect(allView(await h.token(ADMIN), assignmentCategory, first.nextCursor!)).rejects.toMatchObject({ code: "invalid_cursor" });
    expect(await armLog()).toEqual([]);
  });

  it("ends the list, with no error, at a cursor past the scopes the user still sees", async () => {
    const token = await h.token(NESTOR);
    const cursor = sealCursor({ category: "azure-role-assignment", view: "all", caller: cursorCaller(token) }, { source: NESTOR_SCOPES + 3, paging: [] });
    expect(await allView(token, assignmentCategory, cursor)).toEqual({ items: [], nextCursor: null });
  });

  it("names the refusing scopes page by page when every scope refuses and they span pages", async () => {
    await h.control("faults", { method: "GET", pathPattern: "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests$", status: 403, times: 20 });
    const pages = await allPages(await h.token(NESTOR));
    expect(pages.map((p) => p.skippedScopes?.length)).toEqual([ARM_SCOPES_PER_PAGE, NESTOR_SCOPES - ARM_SCOPES_PER_PAGE]);
    expect(pages.flatMap((p) => p.items)).toEqual([]);
    for (const skipped of pages.flatMap((p) => p.skippedScopes!)) expect(skipped.reason).toContain("Microsoft.Authorization/roleAssignmentScheduleRequests/read");
  });
});

describe("my requests (mine)", () => {
  const mine = (token: string, cursor?: string) => listArmRequestPage({ category: assignmentCategory, view: "mine", cursor, token });

  it("lists only Megan's own requests, one ARM page per app page", async () => {
    await h.control("config", { pageSize: 1 });
    const token = await h.token(MEGAN);
    const names: string[] = [];
    let pages = 0;
    for (let cursor: string | undefined; ; ) {
      const page = await mine(token, cursor);
      pages++;
      expect(page.items.length).toBeLessThanOrEqual(1);
      for (const item of page.items) expect(item.principal.id).toBe(MEGAN.oid);
      names.push(...page.items.map(nameOf));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const expected = (await stored("assignment")).filter((r) => r.principalId === MEGAN.oid).map((r) => r.name);
    expect(expected.length).toBeGreaterThan(1);
    expect(pages).toBeGreaterThanOrEqual(expected.length);
    expect(names.sort()).toEqual(expected.sort());
  });

  it("refuses a tampered cursor (400) without asking ARM", async () => {
    await h.control("config", { pageSize: 1 });
    const token = await h.token(MEGAN);
    const first = await mine(token);
    await h.control("requests", undefined, "DELETE");
    const [payload, seal] = first.nextCursor!.split(".");
    const opened = JSON.parse(Buffer.from(payload!, "base64url").toString()) as { s: number; p: Array<[string, string]>; x: number };
    const rewritten = (change: object) => `${Buffer.from(JSON.stringify({ ...opened, ...change })).toString("base64url")}.${seal}`;
    const caller = cursorCaller(token);
    for (const cursor of [
      rewritten({ p: [["$filter", "atScope()"]] }),
      rewritten({ s: 1 }),
      sealCursor({ category: "azure-role-eligibility", view: "mine", caller }, { source: 0, paging: opened.p }),
      sealCursor({ category: "azure-role-assignment", view: "mine", caller }, { source: 0, paging: [["$filter", "atScope()"]] }),
      first.nextCursor!.slice(0, 20),
    ]) {
      await expect(mine(token, cursor)).rejects.toMatchObject({ code: "invalid_cursor", status: 400 });
    }
    await expect(listArmRequestPage({ category: eligibilityCategory, view: "mine", cursor: first.nextCursor!, token })).rejects.toMatchObject({ code: "invalid_cursor" });
    expect(await armLog()).toEqual([]);

    // The genuine cursor continues Megan's own list, with the plan's filter rebuilt by the server.
    const page = await mine(token, first.nextCursor!);
    for (const item of page.items) expect(item.principal.id).toBe(MEGAN.oid);
    expect((await armLog()).map((c) => [c.status, c.query["$filter"]])).toEqual([[200, "asTarget()"]]);
  });

  it("says ARM did not accept a token of another audience (a Graph token)", async () => {
    const token = await h.token(MEGAN, { audience: "https://graph.microsoft.com" });
    await expect(mine(token)).rejects.toMatchObject({ code: "unauthenticated", status: 401, upstream: "arm", upstreamCode: "InvalidAuthenticationToken" });
  });
});
