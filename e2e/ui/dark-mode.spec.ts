import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { SEED_LANDMARKS } from "../../stand-ins/graph-emulator/seed";
import { cancelButton, requestRow } from "../support/dashboard";
import { resetEmulator } from "../support/emulator";
import { AUTH_STATE } from "../support/sign-in";

test.use({ storageState: AUTH_STATE.admin });

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

const cancellable = SEED_LANDMARKS.groupAssignment.colleagueCancellable;

/** The page's background lightness (0 black … 1 white), as a reader sees it. */
async function backgroundLightness(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas").getContext("2d")!;
    canvas.fillStyle = getComputedStyle(document.body).backgroundColor;
    canvas.fillRect(0, 0, 1, 1);
    const [r, g, b] = canvas.getImageData(0, 0, 1, 1).data;
    return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  });
}

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(violations, what).toEqual([]);
}

/** The queue, the details panel, the cancel and bulk dialogs and the permissions panel, each scanned. */
async function scanEveryScreen(page: Page, theme: string) {
  await expect(requestRow(page, "group-assignment", cancellable.id)).toBeVisible();
  await expectNoAxeViolations(page, `${theme}: queue`);

  await requestRow(page, "group-assignment", cancellable.id).getByRole("button", { name: /^Details/ }).click();
  await expect(page.getByRole("dialog")).toContainText("If you cancel");
  await expectNoAxeViolations(page, `${theme}: details panel`);
  await page.keyboard.press("Escape");

  await cancelButton(requestRow(page, "group-assignment", cancellable.id)).click();
  await expect(page.getByRole("dialog", { name: "Cancel this request?" })).toBeVisible();
  await expectNoAxeViolations(page, `${theme}: cancel dialog`);
  await page.keyboard.press("Escape");

  await page.getByLabel(/Show closed requests/).check();
  await page.getByRole("checkbox", { name: "Select every request matching the filter" }).check();
  await page.getByRole("button", { name: /^Cancel selected \(\d+\)$/ }).click();
  await expect(page.getByRole("dialog").getByRole("list", { name: "Skipped requests by reason" })).toBeVisible();
  await expectNoAxeViolations(page, `${theme}: bulk confirmation`);
  await page.keyboard.press("Escape");
  await page.getByRole("checkbox", { name: "Select every request matching the filter" }).uncheck();

  await page.getByRole("button", { name: "Permissions" }).click();
  await expect(page.getByRole("dialog", { name: "What you can see and cancel" })).toBeVisible();
  await expectNoAxeViolations(page, `${theme}: permissions panel`);
  await page.keyboard.press("Escape");
}

test.describe("with the operating system in dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("the app follows it, and every screen passes the accessibility scan in the dark", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByLabel("Theme")).toHaveValue("system");
    expect(await backgroundLightness(page)).toBeLessThan(0.2);
    await scanEveryScreen(page, "dark");
  });

  test("a chosen light theme wins over the system's, is remembered across visits, and System hands back to it", async ({ page }) => {
    await page.goto("/");
    await expect(requestRow(page, "group-assignment", cancellable.id)).toBeVisible();
    await page.getByLabel("Theme").selectOption("light");
    expect(await backgroundLightness(page)).toBeGreaterThan(0.9);

    await page.reload();
    await expect(page.getByLabel("Theme")).toHaveValue("light");
    expect(await backgroundLightness(page)).toBeGreaterThan(0.9);

    await page.getByLabel("Theme").selectOption("system");
    expect(await backgroundLightness(page)).toBeLessThan(0.2);
    await page.reload();
    await expect(page.getByLabel("Theme")).toHaveValue("system");
    expect(await backgroundLightness(page)).toBeLessThan(0.2);
  });
});

test.describe("with the operating system in light mode", () => {
  test.use({ colorScheme: "light" });

  test("a chosen dark theme applies at once and from the first byte of the next visit, and passes the scan", async ({ page }) => {
    await page.goto("/");
    await expect(requestRow(page, "group-assignment", cancellable.id)).toBeVisible();
    expect(await backgroundLightness(page)).toBeGreaterThan(0.9);
    await page.getByLabel("Theme").selectOption("dark");
    expect(await backgroundLightness(page)).toBeLessThan(0.2);

    // The server puts the choice on <html>, so the page is dark before any script runs.
    const html = await (await page.request.get("/")).text();
    expect(html).toMatch(/<html[^>]*data-theme="dark"/);
    await page.reload();
    await expect(page.getByLabel("Theme")).toHaveValue("dark");
    await scanEveryScreen(page, "dark (chosen)");
  });

  test("every screen passes the accessibility scan in the light theme", async ({ page }) => {
    await page.goto("/");
    await scanEveryScreen(page, "light");
  });
});
