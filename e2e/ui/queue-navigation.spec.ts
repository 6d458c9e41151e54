import { expect, test } from "@playwright/test";
import { SEED_LANDMARKS } from "../../stand-ins/graph-emulator/seed";
import { resetEmulator } from "../support/emulator";
import { requestRow } from "../support/dashboard";
import { GRAPH_EMULATOR_URL } from "../../scripts/demo-env";
import { readCsvDownload } from "../support/csv";
import { AUTH_STATE } from "../support/sign-in";

test.use({ storageState: AUTH_STATE.admin });

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test("search, filters and sort live in the URL and survive a reload", async ({ page }) => {
  const target = SEED_LANDMARKS.accessPackage.colleagueCancellable;
  await page.goto("/");
  await page.getByLabel("Search requests").fill("A/B tests");
  await page.getByLabel("State").selectOption("awaiting-approval");
  await page.getByRole("button", { name: /^Principal/ }).click();
  await expect(page).toHaveURL(/q=A%2FB\+tests/);
  await expect(page).toHaveURL(/stage=awaiting-approval/);
  await expect(page).toHaveURL(/sort=principal/);
  await expect(requestRow(page, "access-package", target.id)).toBeVisible();
  await expect(page.getByTestId("row-count")).toHaveText("1 request");

  await page.reload();
  await expect(page.getByLabel("Search requests")).toHaveValue("A/B tests");
  await expect(page.getByLabel("State")).toHaveValue("awaiting-approval");
  await expect(page.getByTestId("row-count")).toHaveText("1 request");
  await expect(requestRow(page, "access-package", target.id)).toBeVisible();
});

test("a shared link opens the same view, and sorting by principal orders the rows", async ({ page }) => {
  await page.goto("/?category=group-assignment&sort=principal&dir=desc&closed=1");
  await expect(page.locator('button[data-filter="group-assignment"]')).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel(/Show closed requests/)).toBeChecked();
  await expect(page.getByTestId("row-count")).toHaveText(/^[1-9]\d* requests$/);
  const names = await page.locator("tbody tr[data-request-id] td:nth-child(2)").allInnerTexts();
  expect(names.length).toBeGreaterThan(3);
  expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
});

test("a hand-edited link with values the queue does not know shows, and keeps in the address bar, what it applies", async ({ page }) => {
  await page.goto("/?category=printers&age=14&stage=awaiting-approval&sort=evil");
  await expect(page.getByLabel("State")).toHaveValue("awaiting-approval");
  await expect(page.getByLabel("Age")).toHaveValue("0");
  await expect(page.locator('button[data-filter="all"]')).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/\/\?stage=awaiting-approval$/);
});

test("Export view downloads exactly the rows on screen, in their order, past what the virtual table renders", async ({ page, request }) => {
  await page.goto("/?category=group-assignment&sort=principal&dir=desc&closed=1");
  await expect(page.getByTestId("row-count")).toHaveText(/^[1-9]\d* requests$/);
  const shown = Number((await page.getByTestId("row-count").innerText()).match(/\d+/)![0]);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export view (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^request-desk-queue-.+\.csv$/);
  const { byteOrderMark, rows } = await readCsvDownload((await file.path())!);
  expect(byteOrderMark).toBe(true);
  const [header, ...records] = rows;
  expect(header).toEqual(["id", "category", "principal", "principalId", "target", "targetKind", "state", "upstreamStatus", "cancellable", "created", "requestedBy", "justification", "ticket"]);
  expect(records).toHaveLength(shown);
  expect(new Set(records.map((r) => r[1]))).toEqual(new Set(["Group access (active)"]));
  const principals = records.map((r) => r[2]!);
  expect(principals).toEqual([...principals].sort((a, b) => b.localeCompare(a)));
  // The rows on screen, in the same order.
  const onScreen = await page.locator("tbody tr[data-request-id]").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-request-id")));
  expect(records.slice(0, onScreen.length).map((r) => r[0])).toEqual(onScreen);

  // Every closed request, more than the table keeps in the page at once. While Graph is still answering, the count
  // says "so far" and there is nothing to export: a partial file would pass for the whole queue.
  await request.post(`${GRAPH_EMULATOR_URL}/_emulator/config`, { data: { latencyMs: 800 } });
  await page.goto("/?closed=1");
  await expect(page.getByTestId("row-count")).toContainText("so far, loading more…");
  await expect(page.getByRole("button", { name: "Export view (CSV)" })).toBeDisabled();
  await request.post(`${GRAPH_EMULATOR_URL}/_emulator/config`, { data: { latencyMs: 0 } });
  await expect(page.getByTestId("row-count")).toHaveText(/^[1-9]\d{2,} requests$/);
  const all = Number((await page.getByTestId("row-count").innerText()).match(/\d+/)![0]);
  expect(await page.locator("tbody tr[data-request-id]").count()).toBeLessThan(all);
  const everything = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export view (CSV)" }).click();
  expect((await readCsvDownload((await (await everything).path())!)).rows).toHaveLength(all + 1);
});

test("the virtualized queue scrolls to its last row and is keyboard-navigable", async ({ page }) => {
  await page.goto("/?closed=1&sort=created&dir=asc");
  await expect(page.getByTestId("row-count")).toHaveText(/^[1-9]\d{2,} requests$/);
  const total = Number((await page.getByTestId("row-count").innerText()).match(/\d+/)![0]);
  // Only what is on screen is in the DOM.
  expect(await page.locator("tbody tr[data-request-id]").count()).toBeLessThan(60);

  const rows = page.locator("tbody tr[data-request-id]");
  await rows.first().focus();
  await page.keyboard.press("End");
  await expect(page.locator(`tbody tr[data-index="${total - 1}"]`)).toBeFocused();
  await expect(page.locator(`tbody tr[data-index="${total - 1}"]`)).toBeInViewport();
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator('tbody tr[data-index="1"]')).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toContainText("If you cancel");
  // Closing the details gives focus back to the row, so the keyboard user carries on from where they were.
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.locator('tbody tr[data-index="1"]')).toBeFocused();

  // "/" from the table jumps to the search box; typed into a field, "/" is just a character.
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search requests")).toBeFocused();
  await page.keyboard.type("A/B");
  await expect(page.getByLabel("Search requests")).toHaveValue("A/B");
  // Outside the table it is no shortcut at all (a stray key or a speech command must not move focus).
  await page.getByLabel(/Show closed requests/).focus();
  await page.keyboard.press("/");
  await expect(page.getByLabel(/Show closed requests/)).toBeFocused();
});

test("after the last row is used and a search narrows the queue, Tab still leads into the table", async ({ page }) => {
  await page.goto("/?closed=1&sort=created&dir=asc");
  await expect(page.getByTestId("row-count")).toHaveText(/^[1-9]\d{2,} requests$/);
  await page.locator("tbody tr[data-request-id]").first().focus();
  await page.keyboard.press("End");
  await page.getByLabel("Search requests").fill("A/B tests");
  await expect(page.getByTestId("row-count")).toHaveText(/^[1-9] requests?$/);
  // The row the keyboard last used is gone: one of those left is where Tab enters the table.
  await expect(page.locator('tbody tr[tabindex="0"]')).toHaveCount(1);
});
