import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import type { PendingRequest, RequestPage } from "@/lib/requests/pending-request";
import { requestPages, type StreamedPage } from "./request-pages";

const row = (id: string) => ({ id }) as PendingRequest;
const page = (ids: string[], nextCursor: string | null): RequestPage => ({ items: ids.map(row), nextCursor });
const refused = () => new AppError("invalid_cursor", "The list cursor has expired.");

/** A server answering from a script: each call takes the next answer, and the cursors it was asked with are kept. */
function server(answers: Array<RequestPage | AppError>) {
  const asked: Array<string | null> = [];
  const fetchPage = async (cursor: string | null) => {
    asked.push(cursor);
    const answer = answers.shift();
    if (!answer) throw new Error("no more answers");
    if (answer instanceof AppError) throw answer;
    return answer;
  };
  return { asked, fetchPage };
}

async function collect(pages: AsyncGenerator<StreamedPage>): Promise<StreamedPage[]> {
  const seen: StreamedPage[] = [];
  for await (const p of pages) seen.push(p);
  return seen;
}

describe("paging a list in the browser", () => {
  it("follows the cursors until the last page", async () => {
    const { asked, fetchPage } = server([page(["a"], "c1"), page(["b"], "c2"), page(["c"], null)]);
    const pages = await collect(requestPages(fetchPage));
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(["a", "b", "c"]);
    expect(asked).toEqual([null, "c1", "c2"]);
  });

  it("starts the list over from the first page, once, when the server no longer accepts its cursor", async () => {
    const { asked, fetchPage } = server([page(["a"], "c1"), refused(), page(["a"], "d1"), page(["b"], null)]);
    const pages = await collect(requestPages(fetchPage));
    expect(asked).toEqual([null, "c1", null, "d1"]);
    // The reducer drops what it had when it meets `restarted`, so row "a" is shown once.
    expect(pages.map((p) => p.restarted ?? false)).toEqual([false, true, false]);
  });

  it("gives the error to the user when the restarted list is refused again, or the first page is", async () => {
    const twice = server([page(["a"], "c1"), refused(), page(["a"], "d1"), refused()]);
    await expect(collect(requestPages(twice.fetchPage))).rejects.toMatchObject({ code: "invalid_cursor" });
    const first = server([refused()]);
    await expect(collect(requestPages(first.fetchPage))).rejects.toMatchObject({ code: "invalid_cursor" });
  });

  it("does not restart for any other error", async () => {
    const { asked, fetchPage } = server([page(["a"], "c1"), new AppError("upstream_unavailable", "Graph is down.")]);
    await expect(collect(requestPages(fetchPage))).rejects.toMatchObject({ code: "upstream_unavailable" });
    expect(asked).toEqual([null, "c1"]);
  });
});
