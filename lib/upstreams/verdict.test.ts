import { describe, expect, it } from "vitest";
import { sampleRequest } from "@/lib/requests/sample-request";
import { judgeAfterReadBack, needsReadBack, shownParts, type Refusal, type Verdict } from "./verdict";

// What a cancel's answer plus its read-back mean for the user: the same rules for Graph and ARM, bulk and single.

const refusal: Refusal = { outcome: "not_cancellable", message: "Microsoft Graph refused to cancel this request.", upstreamCode: "RequestCannotBeCancelled" };
const unavailable: Verdict = { outcome: "failed", message: "Microsoft Graph is temporarily unavailable.", inDoubt: true };
const canceled = sampleRequest({ status: "Canceled", stage: "cancelled", isOpen: false, cancellable: false });
const approved = sampleRequest({ status: "Provisioned", stage: "completed", isOpen: false, cancellable: false });
const open = sampleRequest({ status: "PendingProvisioning", stage: "awaiting-approval", isOpen: true, cancellable: false });
const heard = { lostAnswer: false };
const lost = { lostAnswer: true };

describe("needsReadBack", () => {
  it("reads back a refusal and an answer that said nothing, and trusts every other answer", () => {
    expect(needsReadBack(refusal, heard)).toBe(true);
    expect(needsReadBack(unavailable, heard)).toBe(true);
    expect(needsReadBack({ outcome: "failed", message: "throttled" }, lost)).toBe(true);
    expect(needsReadBack({ outcome: "failed", message: "throttled" }, heard)).toBe(false);
    expect(needsReadBack({ outcome: "cancelled", message: "ok" }, lost)).toBe(false);
    expect(needsReadBack({ outcome: "forbidden", message: "no" }, lost)).toBe(false);
  });
});

describe("judgeAfterReadBack", () => {
  it("reports a cancel retried after a lost answer, and refused because it was done, as cancelled", () => {
    const verdict = judgeAfterReadBack(refusal, canceled, lost, "Microsoft Graph");
    expect(verdict).toMatchObject({ outcome: "cancelled", upstreamStatus: "Canceled" });
    expect(verdict.upstreamCode).toBeUndefined();
  });

  it("reports a last answer that said nothing, with the request now Canceled, as cancelled", () => {
    expect(judgeAfterReadBack(unavailable, canceled, heard, "Azure Resource Manager")).toMatchObject({ outcome: "cancelled" });
  });

  it("calls a request someone else cancelled (every answer heard) already closed, not ours", () => {
    expect(judgeAfterReadBack(refusal, canceled, heard, "Microsoft Graph")).toMatchObject({
      outcome: "already_final",
      message: expect.stringContaining("reports it as Canceled"),
    });
  });

  it("calls a request approved in the meantime already closed, whatever the history", () => {
    expect(judgeAfterReadBack(refusal, approved, lost, "Microsoft Graph")).toMatchObject({ outcome: "already_final", upstreamStatus: "Provisioned" });
  });

  it("keeps a refusal of a request still open as not cancellable, naming its status", () => {
    expect(judgeAfterReadBack(refusal, open, lost, "Microsoft Graph")).toMatchObject({
      outcome: "not_cancellable",
      message: expect.stringContaining("still open (PendingProvisioning)"),
    });
  });

  it("keeps an answer that said nothing as failed when the request is still open: nothing happened", () => {
    expect(judgeAfterReadBack(unavailable, open, heard, "Microsoft Graph")).toMatchObject({ outcome: "failed" });
  });

  it("lets the first verdict stand when the read-back failed", () => {
    expect(judgeAfterReadBack(refusal, null, lost, "Microsoft Graph")).toBe(refusal);
  });
});

describe("shownParts", () => {
  it("names whose token only where the browser needs a new one, and never sends the server's own fields", () => {
    const line = shownParts({ outcome: "token_rejected", message: "Sign in again.", upstream: "arm", inDoubt: true, current: canceled });
    expect(line).toEqual({ outcome: "token_rejected", message: "Sign in again.", upstream: "arm" });
    expect(shownParts({ outcome: "cancelled", message: "ok", upstream: "graph" })).toEqual({ outcome: "cancelled", message: "ok" });
  });
});
