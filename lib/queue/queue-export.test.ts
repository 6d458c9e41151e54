import { describe, expect, it } from "vitest";
import type { PendingRequest } from "@/lib/requests/pending-request";
import { sampleRequest } from "@/lib/requests/sample-request";
import { queueCsv } from "./queue-export";

const base = sampleRequest({
  id: "r1",
  category: "access-package",
  status: "pendingApproval",
  statusDetail: "PendingApprovalEscalated",
  createdDateTime: "2026-11-01T09:30:00Z",
  principal: { id: "p1", displayName: "Megan Bowen" },
  target: { id: "t1", displayName: "Sales Forecast Workspace", kind: "Access package" },
  requestedBy: { id: "p2", displayName: "Adele Vance" },
  justification: 'Quarter-end close, "urgent"',
  action: "userAdd",
  ticket: { number: "INC-42", system: "ServiceNow" },
});

const label = (slug: string) => (slug === "access-package" ? "Access packages" : slug);

describe("queue export", () => {
  it("writes one line per request in the order shown, with plain-language and Graph status side by side", () => {
    const second: PendingRequest = { ...base, id: "r2", cancellable: false, stage: "completed", status: "delivered", statusDetail: null, ticket: null, requestedBy: null, justification: null };
    const lines = queueCsv([base, second], label).trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,category,principal,principalId,target,targetKind,state,upstreamStatus,cancellable,created,requestedBy,justification,ticket");
    expect(lines[1]).toBe(
      'r1,Access packages,Megan Bowen,p1,Sales Forecast Workspace,Access package,Awaiting approval,pendingApproval (PendingApprovalEscalated),yes,2026-11-01T09:30:00Z,Adele Vance,"Quarter-end close, ""urgent""",ServiceNow INC-42',
    );
    expect(lines[2]).toBe("r2,Access packages,Megan Bowen,p1,Sales Forecast Workspace,Access package,Completed,delivered,no,2026-11-01T09:30:00Z,,,");
    expect(lines).toHaveLength(3);
  });

  it("never hands a spreadsheet a formula, whoever typed the justification", () => {
    const csv = queueCsv([{ ...base, justification: "=HYPERLINK(\"http://evil\")" }], label);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    for (const lead of ["+", "-", "@", "\t"]) expect(queueCsv([{ ...base, justification: `${lead}1+1` }], label)).toContain(`,'${lead}1+1,`);
    expect(queueCsv([{ ...base, justification: "\r=1+1" }], label)).toContain(`,"'\r=1+1",`);
  });
});
