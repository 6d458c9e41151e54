// A client of the app's bulk cancel (POST /api/requests/cancel): sends the items and reads the NDJSON stream to
// its end, keeping every line (lib/requests/bulk-outcome.ts), so a benchmark can account for each item.

import { APP_URL } from "../../scripts/demo-env";
import { bulkLineSchema, type BulkDoneLine, type BulkOutcomeLine } from "../../lib/requests/bulk-outcome";

export interface BulkRun {
  status: number;
  outcomes: BulkOutcomeLine[];
  done: BulkDoneLine | undefined;
  /** Lines that did not parse as the documented shape. */
  unreadable: number;
  wallMs: number;
}

export async function runBulkCancel(items: ReadonlyArray<{ category: string; id: string }>, token: string, view: "all" | "mine" = "all"): Promise<BulkRun> {
  const started = performance.now();
  const response = await fetch(`${APP_URL}/api/requests/cancel`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/x-ndjson" },
    body: JSON.stringify({ items: items.map(({ category, id }) => ({ category, id })), view }),
  });
  if (!response.ok || !response.body) throw new Error(`The bulk endpoint answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  const run: BulkRun = { status: response.status, outcomes: [], done: undefined, unreadable: 0, wallMs: 0 };
  const take = (line: string) => {
    if (!line.trim()) return;
    let parsed;
    try {
      parsed = bulkLineSchema.safeParse(JSON.parse(line));
    } catch {
      run.unreadable++;
      return;
    }
    if (!parsed.success) run.unreadable++;
    else if (parsed.data.type === "outcome") run.outcomes.push(parsed.data);
    else if (parsed.data.type === "done") run.done = parsed.data;
  };
  const decoder = new TextDecoder();
  let buffer = "";
  const reader = response.body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    lines.forEach(take);
  }
  take(buffer + decoder.decode());
  run.wallMs = performance.now() - started;
  return run;
}
