import { AppError } from "@/lib/errors/app-error";
import type { RequestPage } from "@/lib/requests/pending-request";

/** A page as the list's reducer takes it: `restarted` says the pages before it are to be dropped. */
export type StreamedPage = RequestPage & { restarted?: boolean };

/**
 * A category's pages, one after the other, from the first until the server's cursor runs out. A cursor the server
 * no longer accepts (`invalid_cursor`: it expired, or the server restarted with a generated key, see README "List
 * cursors") restarts the list from its first page, once: the rows fetched so far are replaced, not shown twice,
 * and the user sees a list rather than an error. A second refusal in the same run is an error as usual.
 */
export async function* requestPages(fetchPage: (cursor: string | null) => Promise<RequestPage>): AsyncGenerator<StreamedPage> {
  let cursor: string | null = null;
  let restartsLeft = 1;
  let restarted = false;
  for (;;) {
    let page: RequestPage;
    try {
      page = await fetchPage(cursor);
    } catch (error) {
      if (cursor === null || restartsLeft === 0 || !(error instanceof AppError) || error.code !== "invalid_cursor") throw error;
      restartsLeft--;
      cursor = null;
      restarted = true;
      continue;
    }
    yield restarted ? { ...page, restarted } : page;
    restarted = false;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
