import type { Locator, Page } from "@playwright/test";
import type { CategorySlug } from "../../lib/requests/pending-request";

/** The table row of a request, found by category and id (stable), in the one queue. */
export function requestRow(page: Page, slug: CategorySlug, id: string): Locator {
  return page.locator(`tr[data-category="${slug}"][data-request-id="${id}"]`);
}

export function categoryChip(page: Page, slug: CategorySlug | "all"): Locator {
  return page.locator(`button[data-filter="${slug}"]`);
}

export function categoryNotice(page: Page, slug: CategorySlug): Locator {
  return page.locator(`[data-category-notice="${slug}"]`);
}

export function cancelButton(row: Locator): Locator {
  return row.getByRole("button", { name: /^Cancel / });
}

export async function confirmCancel(page: Page): Promise<void> {
  await page.getByRole("dialog", { name: "Cancel this request?" }).getByRole("button", { name: "Cancel request" }).click();
}

export function cancelledNotice(page: Page): Locator {
  return page.getByRole("status").filter({ hasText: "Request cancelled" });
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
