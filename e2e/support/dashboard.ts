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

/**
 * Whether nothing of the page is painted over the dialog: at a grid of points over its box, the topmost element
 * belongs to it (a sticky table header once showed through the cancel dialog).
 */
export async function isFullyOnTop(dialog: Locator): Promise<boolean> {
  return dialog.evaluate((element) => {
    const box = element.getBoundingClientRect();
    // Every 8 px down (a table header row is about 35 px tall), at five points across.
    const ys = Array.from({ length: Math.floor((box.height - 4) / 8) }, (_, i) => box.top + 2 + i * 8);
    const points = [0.1, 0.3, 0.5, 0.7, 0.9].flatMap((fx) => ys.map((y) => [box.left + fx * box.width, y] as const));
    // A modal dialog turns off pointer events on the page behind it, which hides that page from hit-testing;
    // turned back on for the check, whatever is painted on top is found.
    const before = document.body.style.pointerEvents;
    document.body.style.pointerEvents = "auto";
    try {
      return points
        .filter(([x, y]) => y < window.innerHeight && x < window.innerWidth)
        .every(([x, y]) => element.contains(document.elementFromPoint(x, y)));
    } finally {
      document.body.style.pointerEvents = before;
    }
  });
}
