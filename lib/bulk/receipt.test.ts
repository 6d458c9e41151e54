import { describe, expect, it } from "vitest";
import { receiptCsv, receiptJson, type ReceiptRow } from "./receipt";

const row: ReceiptRow = {
  id: "r1",
  category: "access-package",
  principal: 'Lynne "LR" Robbins',
  target: "Design, Assets",
  statusBefore: "pendingApproval",
  outcome: "cancelled",
  upstreamCode: "",
  requestId: "5b7c2a9e-1f0d-4c55-9a51-3f1e0c2d4b6a",
  time: "2026-11-24T10:00:00.000Z",
};

describe("bulk cancel receipt", () => {
  it("writes a header and quotes fields with commas and quotes", () => {
    expect(receiptCsv([row])).toBe(
      'id,category,principal,target,statusBefore,outcome,upstreamCode,requestId,time\r\nr1,access-package,"Lynne ""LR"" Robbins","Design, Assets",pendingApproval,cancelled,,5b7c2a9e-1f0d-4c55-9a51-3f1e0c2d4b6a,2026-11-24T10:00:00.000Z\r\n',
    );
  });

  it("never lets a cell start a spreadsheet formula", () => {
    expect(receiptCsv([{ ...row, principal: "=HYPERLINK(1)" }])).toContain("'=HYPERLINK(1)");
  });

  it("round-trips as JSON", () => {
    expect(JSON.parse(receiptJson([row]))).toEqual([row]);
  });
});

describe("a receipt journaled before rows had a request id", () => {
  it("still downloads, with the request id column empty", () => {
    const older: Partial<ReceiptRow> = { ...row };
    delete older.requestId;
    const csv = receiptCsv([older as ReceiptRow]);
    expect(csv.split("\r\n")[1]).toBe('r1,access-package,"Lynne ""LR"" Robbins","Design, Assets",pendingApproval,cancelled,,,2026-11-24T10:00:00.000Z');
    expect(JSON.parse(receiptJson([older as ReceiptRow]))[0]).toMatchObject({ requestId: "" });
  });
});
