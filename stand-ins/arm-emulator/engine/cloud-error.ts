// ARM's error body is a CloudError (contract "Errors, throttling, ids"): {"error":{"code","message","target"?,
// "details"?}}. Handlers throw ArmError; the pipeline turns it into the answer of the call that raised it.

import type { ArmResult } from "./types";

export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function cloudErrorResult(error: ArmError): ArmResult {
  return { status: error.status, headers: error.headers, body: { error: { code: error.code, message: error.message } } };
}

/** ARM's own wording for a call without `api-version` (every ARM call takes one, contract "Hosts and tokens"). */
export const missingApiVersion = () =>
  new ArmError(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");

export const invalidApiVersion = (given: string, supported: readonly string[]) =>
  new ArmError(
    400,
    "InvalidApiVersionParameter",
    `The api-version '${given}' is invalid. The supported versions are '${supported.join(",")}'.`,
  );

/** Contract "Errors": 400 `InvalidFilter` for a filter the service does not understand. */
export const invalidFilter = (filter: string, supported: string) =>
  new ArmError(400, "InvalidFilter", `The filter '${filter}' is not supported. Supported filters: ${supported}.`);

/**
 * Contract "Errors": ARM's refusal names the client (its sign-in name when the token carries one), its object id,
 * the action and the scope, in this exact sentence; the last sentence is what ARM appends today.
 */
export const authorizationFailed = (client: string, oid: string, action: string, scope: string) =>
  new ArmError(
    403,
    "AuthorizationFailed",
    `The client '${client}' with object id '${oid}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );

/**
 * Contract "Cancel rules": reported by users, not in the spec; the code and message are the ones they quote.
 */
export const cannotCancel = () => new ArmError(400, "RequestCannotBeCancelled", "Request is not in cancellable state");

/** ARM's throttling answer (contract "Errors, throttling, ids": 429 + Retry-After in seconds). */
export const tooManyRequests = (retryAfterSeconds: number, operation: "Read" | "Write") =>
  new ArmError(
    429,
    "TooManyRequests",
    `The request is being throttled as the limit has been reached for operation type - ${operation}. For more information, refer to - https://aka.ms/armthrottling`,
    { "Retry-After": String(retryAfterSeconds) },
  );
