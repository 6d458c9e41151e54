// Every ARM call takes `api-version` (contract "Hosts and tokens"); each route names the versions it accepts. ARM
// answers a missing one with MissingApiVersionParameter and an unknown one with InvalidApiVersionParameter, listing
// what it supports.

import { invalidApiVersion, missingApiVersion } from "./cloud-error";

export function requireApiVersion(query: URLSearchParams, supported: readonly string[]): string {
  const given = query.get("api-version");
  if (given === null || given.trim() === "") throw missingApiVersion();
  // ARM compares api-versions case-insensitively (a "-Preview" suffix is accepted).
  const match = supported.find((v) => v.toLowerCase() === given.trim().toLowerCase());
  if (!match) throw invalidApiVersion(given, supported);
  return match;
}
