import "server-only";
import type { ArmCategory } from "@/lib/categories/category-definition";
import { AppError } from "@/lib/errors/app-error";
import type { RequestView } from "@/lib/requests/pending-request";
import { ArmAbortedError, ArmHttpError, ArmUnreachableError } from "./arm-error";

export interface ArmErrorContext {
  category: ArmCategory<unknown>;
  operation: "list" | "cancel";
  /** The list's view; a cancel's words do not depend on it (ARM decides by RBAC at the request's scope). */
  view?: RequestView;
}

const ARM = "Azure Resource Manager";

/**
 * Translates what ARM said into the app's error, in words an admin can act on. ARM's code rides along as
 * `upstreamCode`, its `x-ms-request-id` as `requestId`, and every error says it came from ARM (`upstream: "arm"`), so
 * a claims challenge is answered with a token of ARM's audience.
 */
export function mapArmError(error: unknown, context?: ArmErrorContext): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ArmUnreachableError) return new AppError(error.timedOut ? "upstream_timeout" : "upstream_unavailable", error.message, { upstream: "arm" });
  if (error instanceof ArmAbortedError) return new AppError("upstream_unavailable", error.message, { upstream: "arm" });
  if (!(error instanceof ArmHttpError)) throw error;

  const details = { upstreamCode: error.upstreamCode, requestId: error.requestId, upstream: "arm" as const };
  const label = context?.category.summary.label ?? "Azure role";
  const cancel = context?.operation === "cancel";
  const code = error.upstreamCode ?? "";
  switch (true) {
    case error.status === 401 && error.claimsChallenge !== undefined:
      return new AppError("claims_challenge", `Your organisation's Conditional Access policy asks you to verify your identity again before ${ARM} continues.`, {
        ...details,
        claims: error.claimsChallenge,
      });
    case error.status === 401 && code === "InvalidAuthenticationTokenTenant":
      return new AppError("unauthenticated", `${ARM} did not accept your sign-in: it is for another tenant than these Azure resources. Sign in with an account of their tenant.`, details);
    case error.status === 401:
      return new AppError("unauthenticated", `${ARM} did not accept your sign-in. Sign in again.`, details);
    case error.status === 403:
      return new AppError("forbidden", context ? forbiddenMessage(context) : `${ARM} refused this request for your account.`, details);
    case error.status === 404:
      return new AppError("not_found", cancel ? `That ${label} request does not exist (any more).` : `${ARM} does not know this scope (any more). Refresh to list again.`, details);
    // Contract "Cancel rules": whatever the status list says, ARM's refusal of a cancel means "no longer
    // cancellable". The id was validated before the call, so a 400 cannot be a malformed request of ours.
    case code === "RequestCannotBeCancelled" || (cancel && (error.status === 400 || error.status === 409)):
      return new AppError(
        "not_cancellable",
        `${ARM} refused to cancel this request: it is no longer in a state that can be cancelled. It may have been approved, provisioned or cancelled by someone else in the meantime.`,
        details,
      );
    case error.status === 429:
      return new AppError("throttled", `${ARM} is throttling requests right now (it allows each user a limited number of calls per second). Wait a few seconds and try again.`, details);
    case error.status === 503:
      return new AppError("upstream_unavailable", `${ARM} is temporarily unavailable. Try again shortly.`, details);
    case error.status === 504:
      return new AppError("upstream_timeout", `${ARM} took too long to answer. Try again shortly.`, details);
    default:
      return new AppError("upstream_error", `${ARM} could not complete the request (HTTP ${error.status}${code ? `, ${code}` : ""}).`, details);
  }
}

function forbiddenMessage({ category, operation, view }: ArmErrorContext): string {
  const label = category.summary.label;
  if (operation === "cancel") {
    return `${ARM} does not let you cancel this ${label} request. Cancelling it needs the Azure RBAC action ${category.cancelAction} at the request's scope, which ${joinNames(category.cancelActionRoles)} carry.`;
  }
  if (view === "mine") return `${ARM} does not let you list your own ${label} requests. Sign in again; if this persists, your organisation may block access to Azure Resource Manager.`;
  // The admin roles are written for people ("Reader (to list them only)"); the sentence wants their names.
  const roles = category.adminRoles.map((role) => role.replace(/\s*\(.*\)\s*$/, ""));
  return `${ARM} does not let you list ${label} requests here. Listing them needs the Azure RBAC action ${readAction(category)} at the scope, which ${joinNames(roles)} carry.`;
}

/** The RBAC action that lets a caller read a category's requests at a scope (contract "Cancel rules", by analogy). */
export function readAction(category: ArmCategory<unknown>): string {
  return `Microsoft.Authorization/${category.resourceType}/read`;
}

/** "Owner and User Access Administrator": names in a sentence. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "a suitable role";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
