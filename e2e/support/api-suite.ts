import { test } from "@playwright/test";
import { clearGraphLog, resetEmulator } from "./emulator";
import { AUTH_STATE } from "./sign-in";
import { accessTokenFor } from "./tokens";

/**
 * For specs that call the app's API directly as the administrator: one real token for the file, and each test
 * starting from the seeded tenant with an empty Graph log (so "no Graph call" can be asserted). Returns the
 * Authorization header to send.
 */
export function apiCallsAsAdmin(): () => { Authorization: string } {
  let token = "";
  test.beforeAll(async ({ browser }) => {
    token = await accessTokenFor(browser, AUTH_STATE.admin);
  });
  test.beforeEach(async ({ request }) => {
    await resetEmulator(request);
    await clearGraphLog(request);
  });
  return () => ({ Authorization: `Bearer ${token}` });
}
