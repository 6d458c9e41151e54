import type { APIRequestContext, Browser } from "@playwright/test";
import { APP_URL, GRAPH_EMULATOR_URL } from "../../scripts/demo-env";
import type { HostileContext } from "../../bench/support/hostile/types";
import { MEGAN } from "../../stand-ins/demo-tenant";
import { AUTH_STATE } from "./sign-in";
import { accessTokenFor } from "./tokens";

// What the hostile-input cases (bench/support/hostile/) need, gathered from the running test stack: real tokens of an
// administrator and of Megan (no admin role), requests that are not Megan's, and real cursors the app issued.

async function foreignIds(request: APIRequestContext): Promise<HostileContext["foreignIds"]> {
  const found: Array<{ category: string; id: string }> = [];
  for (const [category, collection] of [
    ["access-package", "accessPackageAssignmentRequests"],
    ["group-assignment", "groupAssignmentScheduleRequests"],
  ] as const) {
    const records = (await (await request.get(`${GRAPH_EMULATOR_URL}/_emulator/state/${collection}`)).json()) as Array<{ id: string }>;
    found.push(...records.filter((r) => !JSON.stringify(r).includes(MEGAN.oid)).slice(0, 5).map((r) => ({ category, id: r.id })));
  }
  return found;
}

/** Lists with the emulator paging two at a time, so the app hands out cursors; the page size is put back. */
async function realCursors(request: APIRequestContext, token: string): Promise<HostileContext["cursors"]> {
  const config = `${GRAPH_EMULATOR_URL}/_emulator/config`;
  const { pageSize } = (await (await request.get(config)).json()) as { pageSize: number };
  await request.post(config, { data: { pageSize: 2 } });
  try {
    const cursors: Array<{ category: string; view: string; cursor: string }> = [];
    for (const category of ["access-package", "group-assignment", "privileged-role"]) {
      const response = await request.get(`${APP_URL}/api/requests?category=${category}&view=all`, { headers: { Authorization: `Bearer ${token}` } });
      const body = (await response.json().catch(() => ({}))) as { nextCursor?: string | null };
      if (body.nextCursor) cursors.push({ category, view: "all", cursor: body.nextCursor });
    }
    return cursors;
  } finally {
    await request.post(config, { data: { pageSize } });
  }
}

export async function hostileContext(browser: Browser, request: APIRequestContext): Promise<HostileContext> {
  const [adminToken, userToken] = [await accessTokenFor(browser, AUTH_STATE.admin), await accessTokenFor(browser, AUTH_STATE.megan)];
  return { adminToken, userToken, foreignIds: await foreignIds(request), cursors: await realCursors(request, adminToken) };
}
