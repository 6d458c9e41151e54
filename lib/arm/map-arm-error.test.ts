import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { assignmentCategory, eligibilityCategory } from "./arm-test-kit";
import { ArmHttpError, ArmUnreachableError } from "./arm-error";
import { mapArmError } from "./map-arm-error";

// What an admin reads when ARM says no: the app's code (the UI switches on it), words to act on, and ARM's own code
// and request id kept for support.

const cancelOf = (category = assignmentCategory) => ({ category, operation: "cancel" as const });
const listAll = { category: eligibilityCategory, operation: "list" as const, view: "all" as const };
const armError = (status: number, code?: string, extra: Partial<{ claims: string }> = {}) =>
  new ArmHttpError(status, code, "ARM's own words", "req-42", undefined, extra.claims);

describe("mapArmError", () => {
  it("keeps ARM's code and request id, and says the answer came from ARM", () => {
    expect(mapArmError(armError(500, "InternalServerError"))).toMatchObject({
      code: "upstream_error",
      status: 502,
      upstreamCode: "InternalServerError",
      requestId: "req-42",
      upstream: "arm",
    });
  });

  it("asks for the claims of a claims challenge, and for a new sign-in otherwise", () => {
    expect(mapArmError(armError(401, "InvalidAuthenticationToken", { claims: "e30=" }))).toMatchObject({ code: "claims_challenge", claims: "e30=", upstream: "arm" });
    const expired = mapArmError(armError(401, "ExpiredAuthenticationToken"));
    expect(expired).toMatchObject({ code: "unauthenticated", status: 401 });
    expect(expired.message).toBe("Azure Resource Manager did not accept your sign-in. Sign in again.");
    expect(mapArmError(armError(401, "InvalidAuthenticationTokenTenant")).message).toContain("another tenant");
  });

  it("names the RBAC cancel action and the roles that carry it when a cancel is refused", () => {
    const error = mapArmError(armError(403, "AuthorizationFailed"), cancelOf(eligibilityCategory));
    expect(error).toMatchObject({ code: "forbidden", status: 403, upstreamCode: "AuthorizationFailed" });
    expect(error.message).toBe(
      "Azure Resource Manager does not let you cancel this Azure resource roles (eligible) request. Cancelling it needs the Azure RBAC action Microsoft.Authorization/roleEligibilityScheduleRequests/cancel/action at the request's scope, which Owner and User Access Administrator carry.",
    );
  });

  it("names the read permission when a list is refused", () => {
    const error = mapArmError(armError(403, "AuthorizationFailed"), listAll);
    expect(error.code).toBe("forbidden");
    expect(error.message).toContain("Microsoft.Authorization/roleEligibilityScheduleRequests/read");
    expect(error.message).toContain("Owner, User Access Administrator and Reader carry");
  });

  it("reads any refusal of a cancel (400, RequestCannotBeCancelled) as no longer cancellable, but not a list's 400", () => {
    expect(mapArmError(armError(400, "RequestCannotBeCancelled"), cancelOf())).toMatchObject({ code: "not_cancellable", status: 409 });
    expect(mapArmError(armError(400, "SomethingUndocumented"), cancelOf())).toMatchObject({ code: "not_cancellable", upstreamCode: "SomethingUndocumented" });
    expect(mapArmError(armError(400, "InvalidFilter"), listAll)).toMatchObject({ code: "upstream_error" });
  });

  it("tells not found, throttled, unavailable and timed out apart", () => {
    expect(mapArmError(armError(404, "RoleAssignmentScheduleRequestNotFound"), cancelOf())).toMatchObject({ code: "not_found", status: 404 });
    expect(mapArmError(armError(429, "TooManyRequests"))).toMatchObject({ code: "throttled", status: 429 });
    expect(mapArmError(armError(503))).toMatchObject({ code: "upstream_unavailable" });
    expect(mapArmError(armError(504))).toMatchObject({ code: "upstream_timeout" });
    expect(mapArmError(new ArmUnreachableError(true, null))).toMatchObject({ code: "upstream_timeout", upstream: "arm" });
    expect(mapArmError(new ArmUnreachableError(false, null))).toMatchObject({ code: "upstream_unavailable", upstream: "arm" });
  });

  it("passes the app's own errors through and rethrows anything else", () => {
    const own = new AppError("invalid_input", "bad id");
    expect(mapArmError(own)).toBe(own);
    expect(() => mapArmError(new TypeError("bug"))).toThrow("bug");
  });

  it("parses ARM's CloudError, and its request id from x-ms-request-id or the correlation id", () => {
    const parsed = ArmHttpError.fromParts(
      403,
      { error: { code: "AuthorizationFailed", message: "The client 'x' … does not have authorization", target: null, details: [] } },
      { "x-ms-correlation-request-id": "corr-1" },
    );
    expect(parsed).toMatchObject({ status: 403, upstreamCode: "AuthorizationFailed", requestId: "corr-1" });
    expect(ArmHttpError.fromParts(502, "<html>", { "x-ms-request-id": "r" })).toMatchObject({ upstreamCode: undefined, message: "Azure Resource Manager answered 502.", requestId: "r" });
  });
});
