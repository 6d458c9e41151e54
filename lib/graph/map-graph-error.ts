import "server-only";
import type { GraphCategory } from "@/lib/categories/category-definition";
import type { RequestView } from "@/lib/requests/pending-request";
import { AppError } from "@/lib/errors/app-error";
import { GraphHttpError, GraphUnreachableError } from "./graph-error";

export interface GraphErrorContext {
  category: GraphCategory<unknown>;
  operation: "list" | "cancel";
  view: RequestView;
}

/** Translates what Graph said into the app's error, in words an admin can act on. Graph's code rides along. */
export function mapGraphError(error: unknown, context?: GraphErrorContext): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof GraphUnreachableError) {
    return new AppError(error.timedOut ? "upstream_timeout" : "upstream_unavailable", error.message);
  }
  if (!(error instanceof GraphHttpError)) throw error;

  const details = { upstreamCode: error.upstreamCode, requestId: error.requestId };
  const label = context?.category.summary.label ?? "Microsoft Graph";
  const code = error.upstreamCode ?? "";
  const refusal =
    context?.operation === "cancel"
      ? context.category.classifyCancelRefusal({ status: error.status, code: error.upstreamCode, message: error.message })
      : undefined;
  switch (true) {
    case error.status === 401 && error.claimsChallenge !== undefined:
      return new AppError(
        "claims_challenge",
        "Your organisation's Conditional Access policy asks you to verify your identity again before Microsoft Graph continues.",
        { ...details, claims: error.claimsChallenge },
      );
    case error.status === 401:
      return new AppError("unauthenticated", "Microsoft Graph did not accept your sign-in. Sign in again.", details);
    // A cancel 403 the category documents as "not allowed, or not found" (PIM v1, seed 001): Graph cannot tell
    // which, so it stays a 403, but naming a permission would mislead someone who holds it.
    case error.status === 403 && refusal === "not_found":
      return new AppError(
        "forbidden",
        `Microsoft Graph does not let you cancel this ${label} request: either you are not allowed to cancel it, or it no longer exists. Refresh to see whether it is still there.`,
        details,
      );
    case error.status === 403:
      return new AppError("forbidden", context ? forbiddenMessage(context) : "Microsoft Graph refused this request for your account.", details);
    case refusal === "not_found" || error.status === 404:
      return new AppError("not_found", `That ${label} request does not exist (any more).`, details);
    case refusal === "not_cancellable":
      return new AppError(
        "not_cancellable",
        "Microsoft Graph refused to cancel this request: it is no longer in a state that can be cancelled. It may have been approved, denied or cancelled by someone else in the meantime.",
        details,
      );
    case error.status === 429:
      return new AppError("throttled", "Microsoft Graph is throttling requests right now. Wait a few seconds and try again.", details);
    case error.status === 503:
      return new AppError("upstream_unavailable", "Microsoft Graph is temporarily unavailable. Try again shortly.", details);
    case error.status === 504:
      return new AppError("upstream_timeout", "Microsoft Graph took too long to answer. Try again shortly.", details);
    default:
      return new AppError("upstream_error", `Microsoft Graph could not complete the request (HTTP ${error.status}${code ? `, ${code}` : ""}).`, details);
  }
}

function forbiddenMessage({ category, operation, view }: GraphErrorContext): string {
  const { permissions, adminRoles, summary } = category;
  const scopes =
    operation === "list"
      ? view === "all" ? permissions.listAll : permissions.listMine
      : view === "all" ? permissions.cancelAll : permissions.cancelMine;
  const what = operation === "list" ? (view === "all" ? "list everyone's" : "list your") : "cancel";
  // Some categories need a directory role for any cancel, one's own included (contract §7); the reader roles that
  // let an admin list everyone's requests would not do for those.
  const roleNames = operation === "cancel" && category.cancelRoles ? category.cancelRoles.names : view === "all" ? adminRoles : [];
  const roles = roleNames.length > 0 ? ` and a directory role such as ${roleNames.join(", ")}` : "";
  return `Microsoft Graph does not let you ${what} ${summary.label} requests. This needs the delegated permission ${scopes.join(" or ")}${roles}.`;
}
