import { describe, expect, it } from "vitest";
import { sampleRequest } from "@/lib/requests/sample-request";
import { filterQueue, parseQueueQuery, queueQueryToParams, rowKey, sortQueue } from "./queue-query";

describe("queue query in the URL", () => {
  it("round-trips every filter and writes only what differs from the defaults", () => {
    const params = new URLSearchParams("category=access-package&stage=awaiting-approval&q=finance&principal=meg&target=tools&age=7&sort=principal&dir=desc&closed=1&raw=1&view=mine");
    const query = parseQueueQuery(params);
    expect(query).toMatchObject({ category: "access-package", stage: "awaiting-approval", q: "finance", age: 7, sort: "principal", dir: "desc", view: "mine" });
    expect(parseQueueQuery(queueQueryToParams(query))).toEqual(query);
    expect(queueQueryToParams(parseQueueQuery(new URLSearchParams())).toString()).toBe("");
  });

  it("falls back to defaults for values it does not know", () => {
    const query = parseQueueQuery(new URLSearchParams("category=printers&stage=bogus&age=14&sort=evil&dir=up"));
    expect(query).toMatchObject({ category: "all", stage: "any", age: 0, sort: "created", dir: "asc" });
  });
});

describe("filterQueue", () => {
  const now = Date.parse("2026-11-20T00:00:00Z");
  const rows = [
    sampleRequest({ id: "a", justification: "Quarter-end close", createdDateTime: "2026-11-01T00:00:00Z" }),
    sampleRequest({ id: "b", category: "access-package", principal: { id: "x", displayName: "Alex Wilber" }, createdDateTime: "2026-11-19T00:00:00Z" }),
    sampleRequest({ id: "c", isOpen: false, stage: "cancelled", status: "Canceled", cancellable: false }),
  ];

  it("hides closed requests unless asked, but keeps ones the user just acted on", () => {
    const query = parseQueueQuery(new URLSearchParams());
    expect(filterQueue(rows, query, new Set(), now).map((r) => r.id)).toEqual(["a", "b"]);
    expect(filterQueue(rows, query, new Set([rowKey(rows[2]!)]), now).map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(filterQueue(rows, parseQueueQuery(new URLSearchParams("closed=1")), new Set(), now)).toHaveLength(3);
  });

  it("searches justification, names and status case-insensitively, and filters by category, principal and age", () => {
    const by = (qs: string) => filterQueue(rows, parseQueueQuery(new URLSearchParams(qs)), new Set(), now).map((r) => r.id);
    expect(by("q=QUARTER")).toEqual(["a", "b"]);
    expect(by("q=alex")).toEqual(["b"]);
    expect(by("category=access-package")).toEqual(["b"]);
    expect(by("principal=megan")).toEqual(["a"]);
    expect(by("age=7")).toEqual(["a"]);
    expect(by("stage=cancelled&closed=1")).toEqual(["c"]);
  });
});

describe("sortQueue", () => {
  const rows = [
    sampleRequest({ id: "b", principal: { id: "1", displayName: "megan" }, createdDateTime: "2026-11-02T00:00:00Z" }),
    sampleRequest({ id: "a", principal: { id: "2", displayName: "Alex" }, createdDateTime: "2026-11-03T00:00:00Z" }),
    sampleRequest({ id: "c", principal: { id: "3", displayName: "Megan" }, createdDateTime: "2026-11-01T00:00:00Z" }),
  ];
  const slugAsLabel = (slug: string) => slug;
  it("sorts by principal case-insensitively, oldest first among equals, in either direction", () => {
    expect(sortQueue(rows, "principal", "asc", slugAsLabel).map((r) => r.id)).toEqual(["a", "c", "b"]);
    expect(sortQueue(rows, "principal", "desc", slugAsLabel).map((r) => r.id)).toEqual(["c", "b", "a"]);
    expect(sortQueue(rows, "created", "asc", slugAsLabel).map((r) => r.id)).toEqual(["c", "b", "a"]);
  });

  it("sorts categories by the label the column shows, not by slug", () => {
    const mixed = [
      sampleRequest({ id: "v2", category: "governance-role" }),
      sampleRequest({ id: "ap", category: "access-package" }),
      sampleRequest({ id: "dr", category: "directory-role-assignment" }),
    ];
    const labels: Record<string, string> = {
      "governance-role": "Azure resource and PIM v2 roles",
      "access-package": "Access packages",
      "directory-role-assignment": "Directory roles (active)",
    };
    expect(sortQueue(mixed, "category", "asc", (slug) => labels[slug]!).map((r) => r.id)).toEqual(["ap", "v2", "dr"]);
  });
});
