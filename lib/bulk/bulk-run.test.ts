import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import type { BulkLine, BulkOutcomeLine } from "@/lib/requests/bulk-outcome";
import type { PendingRequest } from "@/lib/requests/pending-request";
import { sampleRequest } from "@/lib/requests/sample-request";
import { runBulkParts, type BulkRunDeps } from "./bulk-run";

// The run's orchestration against a scripted server: what is sent, what comes back, and what is left for later.

const requests = (n: number) => Array.from({ length: n }, (_, i) => sampleRequest({ id: `r${i}` }));
const AT = "2026-11-24T10:00:00.000Z";

function outcome(r: PendingRequest, result: BulkOutcomeLine["outcome"], extra: Partial<BulkOutcomeLine> = {}): BulkOutcomeLine {
  return { type: "outcome", category: r.category, id: r.id, outcome: result, message: result, attempts: 1, at: AT, ...extra };
}

function ndjson(lines: BulkLine[], { done = true } = {}): Response {
  const all = done ? [...lines, { type: "done", counts: {}, graphRoundTrips: 1, ms: 1 }] : lines;
  return new Response(all.map((l) => `${JSON.stringify(l)}\n`).join(""), { status: 200 });
}

/** A server that answers each call with `answer(part, call number)`, and remembers every item it was sent. */
function scripted(answer: (part: readonly PendingRequest[], call: number, tokens: Record<string, string | undefined>) => Response) {
  const sent: string[] = [];
  const outcomes: BulkOutcomeLine[] = [];
  let calls = 0;
  let tokenRequests = 0;
  const deps: BulkRunDeps = {
    send: async (part, tokens) => {
      sent.push(...part.map((r) => r.id));
      return answer(part, calls++, tokens);
    },
    tokens: async () => ({ graph: `t${tokenRequests++}` }),
    satisfyClaims: async () => "claims-token",
    onOutcome: (line) => outcomes.push(line),
  };
  return { deps, sent, outcomes };
}

describe("runBulkParts", () => {
  it("hands every outcome over and ends done", async () => {
    const selection = requests(3);
    const server = scripted((part) => ndjson(part.map((r) => outcome(r, "cancelled"))));
    expect(await runBulkParts(selection, server.deps)).toEqual({ kind: "done" });
    expect(server.outcomes.map((o) => o.id)).toEqual(["r0", "r1", "r2"]);
  });

  it("stops at a rejected token with exactly the items the upstream did nothing with, answered ones left out", async () => {
    const selection = requests(1_500);
    const server = scripted((part) =>
      ndjson(part.map((r, i) => (i < 400 ? outcome(r, "cancelled") : outcome(r, "token_rejected", { upstream: "graph", attempts: i === 400 ? 1 : 0, message: "Sign in again." })))),
    );
    const end = await runBulkParts(selection, server.deps);
    expect(end).toMatchObject({ kind: "token_rejected", upstream: "graph", message: "Sign in again." });
    if (end.kind !== "token_rejected") return;
    // 600 refused or unsent in the first part, and the second part of 500, which was never sent.
    expect(end.remaining).toHaveLength(1_100);
    expect(server.sent).toHaveLength(1_000);
    const answered = new Set(server.outcomes.map((o) => o.id));
    expect(end.remaining.some((r) => answered.has(r.id))).toBe(false);
    expect(server.outcomes.some((o) => o.outcome === "token_rejected")).toBe(false);
  });

  it("sends challenged items again with a token that satisfies the claims, and only them", async () => {
    const selection = requests(2);
    const server = scripted((part, call) =>
      ndjson(call === 0 ? [outcome(part[0]!, "cancelled"), outcome(part[1]!, "claims_challenge", { claims: "eyJ9" })] : part.map((r) => outcome(r, "cancelled"))),
    );
    expect(await runBulkParts(selection, server.deps)).toEqual({ kind: "done" });
    expect(server.sent).toEqual(["r0", "r1", "r1"]);
    expect(server.outcomes.map((o) => `${o.id}:${o.outcome}`)).toEqual(["r0:cancelled", "r1:cancelled"]);
  });

  it("reports a stream cut off before its end as failed, with later parts not sent and the cut part in doubt", async () => {
    const selection = requests(1_001);
    const server = scripted((part) => ndjson([outcome(part[0]!, "cancelled")], { done: false }));
    const end = await runBulkParts(selection, server.deps);
    expect(end).toMatchObject({ kind: "failed", error: { code: "upstream_unavailable" } });
    if (end.kind === "failed") expect(end.notSent.map((r) => r.id)).toEqual(["r1000"]);
  });

  it("reports a part the app refused whole (4xx) as not sent, and nothing as in doubt", async () => {
    const selection = requests(2);
    const server = scripted(() => Response.json(new AppError("bulk_run_in_progress", "A run is going.").toBody(), { status: 409 }));
    const end = await runBulkParts(selection, server.deps);
    expect(end).toMatchObject({ kind: "failed", error: { code: "bulk_run_in_progress" } });
    if (end.kind === "failed") expect(end.notSent).toHaveLength(2);
  });
});
