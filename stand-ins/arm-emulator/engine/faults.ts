// Test-controlled faults (POST /_arm/faults), with the Graph emulator's rule shape (imported: method, pathPattern,
// status, times, retryAfterSeconds, code, message) so one helper can drive both stand-ins; answers are CloudErrors.

import { FaultRules, faultRetryAfter, faultRuleSchema } from "../../graph-emulator/engine/faults";
import { ArmError, tooManyRequests } from "./cloud-error";

export { faultRuleSchema };

/** ARM's codes for the statuses a test is likely to inject (inference: typical ARM gateway/RP answers). */
const DEFAULTS: Readonly<Record<number, { code: string; message: string }>> = {
  400: { code: "BadRequest", message: "The request is invalid." },
  401: { code: "InvalidAuthenticationToken", message: "The access token is invalid." },
  403: { code: "AuthorizationFailed", message: "The client does not have authorization to perform this action." },
  404: { code: "NotFound", message: "The requested resource was not found." },
  409: { code: "Conflict", message: "The request conflicts with the current state of the resource." },
  500: { code: "InternalServerError", message: "Encountered internal server error." },
  502: { code: "BadGateway", message: "The gateway received an invalid response." },
  503: { code: "ServiceUnavailable", message: "The service is temporarily unavailable. Please retry later." },
  504: { code: "GatewayTimeout", message: "The gateway did not receive a response within the specified time period." },
};

export class ArmFaults extends FaultRules {
  /** The fault for this call if a rule with uses left matches (the path without the query); uses one up. */
  take(method: string, path: string, isWrite: boolean): ArmError | undefined {
    const rule = this.takeRule(method, path);
    if (!rule) return undefined;
    const retryAfter = faultRetryAfter(rule);
    if (rule.status === 429 && !rule.code && !rule.message) return tooManyRequests(retryAfter ?? 1, isWrite ? "Write" : "Read");
    const fallback = DEFAULTS[rule.status] ?? { code: "InjectedFault", message: `Injected fault (HTTP ${rule.status}).` };
    return new ArmError(rule.status, rule.code ?? fallback.code, rule.message ?? fallback.message, retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) });
  }
}
