import type { Locator, Page } from "@playwright/test";
import type { CategorySlug } from "../../lib/requests/pending-request";

export function categorySection(page: Page, slug: CategorySlug): Locator {
  return page.locator(`section[data-category="${slug}"]`);
}

/** The table row of a request, found by its id (stable) within a category's section. */
export function requestRow(page: Page, slug: CategorySlug, id: string): Locator {
  return categorySection(page, slug).locator(`tr[data-request-id="${id}"]`);
}

export function cancelButton(row: Locator): Locator {
  return row.getByRole("button", { name: /^Cancel / });
}

export async function confirmCancel(page: Page): Promise<void> {
  await page.getByRole("dialog", { name: "Cancel this request?" }).getByRole("button", { name: "Cancel request" }).click();
}

/** Holds the app's cancel calls until `release()`, so the optimistic state can be seen before Graph answers. */
export async function holdCancelCalls(page: Page): Promise<{ release: () => void }> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/requests/*/*/cancel", async (route) => {
    await held;
    await route.continue();
  });
  return { release };
}
