import { describe, expect, it } from "vitest";
import { sampleRequest } from "@/lib/requests/sample-request";
import { applyRefusals, withRefusal } from "./refused-cancels";

describe("a cancel Graph refused", () => {
  const pending = sampleRequest({ id: "r1", category: "directory-role-assignment", status: "PendingApproval", cancellable: true });
  const refusals = withRefusal(new Map(), pending, "Microsoft Graph refused to cancel this request.");

  it("leaves the row without a Cancel, saying why, after the list is fetched again", () => {
    const [row] = applyRefusals([{ ...pending }], refusals);
    expect(row).toMatchObject({ cancellable: false, cancelBlockedReason: "Microsoft Graph refused to cancel this request." });
  });

  it("stops applying once the request's status changed, and touches no other request", () => {
    const approved = { ...pending, status: "Granted" };
    const other = sampleRequest({ id: "r2", category: "directory-role-assignment", status: "PendingApproval", cancellable: true });
    expect(applyRefusals([approved, other], refusals)).toEqual([approved, other]);
  });
});
