// `$filter` of the schedule request lists (contract "Endpoints"): atScope(), principalId eq '{id}', asRequestor(),
// asTarget(), asApprover(), and the spec examples' assignedTo('{id}'), alone or joined with `and`. Anything else
// is 400 InvalidFilter: ARM evaluates none of OData's general filter syntax on these lists.

import { invalidFilter } from "./cloud-error";

export interface RequestFilter {
  /** At or above the scope instead of at or below it. */
  atScope: boolean;
  asTarget: boolean;
  asRequestor: boolean;
  asApprover: boolean;
  /** From `principalId eq` and `assignedTo()`, lower-cased (the spec example writes the GUID in upper case). */
  principalIds: readonly string[];
}

export const SUPPORTED_FILTERS = "atScope(), asTarget(), asRequestor(), asApprover(), principalId eq '{id}', assignedTo('{id}')";

const NO_FILTER: RequestFilter = { atScope: false, asTarget: false, asRequestor: false, asApprover: false, principalIds: [] };

export function parseRequestFilter(raw: string | null): RequestFilter {
  if (raw === null || raw.trim() === "") return NO_FILTER;
  const filter = { ...NO_FILTER, principalIds: [] as string[] };
  for (const part of raw.split(/\s+and\s+/i)) {
    const clause = part.trim().replace(/^\((.*)\)$/, "$1").trim();
    const principal = /^principalId\s+eq\s+'([^']+)'$/i.exec(clause) ?? /^assignedTo\(\s*'([^']+)'\s*\)$/i.exec(clause);
    if (/^atScope\(\s*\)$/i.test(clause)) filter.atScope = true;
    else if (/^asTarget\(\s*\)$/i.test(clause)) filter.asTarget = true;
    else if (/^asRequestor\(\s*\)$/i.test(clause)) filter.asRequestor = true;
    else if (/^asApprover\(\s*\)$/i.test(clause)) filter.asApprover = true;
    else if (principal?.[1]) filter.principalIds.push(principal[1].toLowerCase());
    else throw invalidFilter(raw, SUPPORTED_FILTERS);
  }
  return filter;
}

/** Whether the filter keeps the list to the caller's own requests (allowed without any RBAC role). */
export function isSelfService(filter: RequestFilter, oid: string): boolean {
  if (filter.asTarget || filter.asRequestor || filter.asApprover) return true;
  return filter.principalIds.length > 0 && filter.principalIds.every((id) => id === oid.toLowerCase());
}
