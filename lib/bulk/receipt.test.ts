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
  time: "2026-11-24T10:00:00.000Z",
};

describe("bulk cancel receipt", () => {
  it("writes a header and quotes fields with commas and quotes", () => {
    expect(receiptCsv([row])).toBe(
      'id,category,principal,target,statusBefore,outcome,upstreamCode,time\r\nr1,access-package,"Lynne ""LR"" Robbins","Design, Assets",pendingApproval,cancelled,,2026-11-24T10:00:00.000Z\r\n',
    );
  });

  it("never lets a cell start a spreadsheet formula", () => {
    expect(receiptCsv([{ ...row, principal: "=HYPERLINK(1)" }])).toContain("'=HYPERLINK(1)");
  });

  it("round-trips as JSON", () => {
    expect(JSON.parse(receiptJson([row]))).toEqual([row]);
  });
});
