// Shapes shared by the engine: one Graph call (direct or a $batch item), its result, and the caller.

import type { GraphVersion } from "../model";

/** One Graph call after HTTP parsing; a $batch item becomes one of these too, so both share one pipeline. */
export interface GraphCall {
  method: string;
  version: GraphVersion;
  /** The path after the version as received, e.g. "/identityGovernance/…/filterByCurrentUser(on='principal')". */
  rawPath: string;
  /** Decoded path segments after the version. */
  segments: string[];
  /** The query string as received, without "?" (used verbatim to build @odata.nextLink). */
  rawQuery: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Readonly<Record<string, string>>;
  /** Parsed JSON body, undefined when none was sent. */
  body: unknown;
  /** Scheme + host the client used (nextLink and @odata.context are built on it). */
  origin: string;
  viaBatch: boolean;
  requestId: string;
  clientRequestId: string;
}

export interface GraphResult {
  status: number;
  /** Undefined means no body at all (204, or D's "200 with an empty body"). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Who is calling, from the verified token (Entra claims `oid`, `tid`, `scp`, `wids`, `xms_cc`, `acrs`). */
export interface Caller {
  oid: string;
  /** The token's `tid`; undefined when the token has none (then no tenant serves it). */
  tenantId: string | undefined;
  scopes: ReadonlySet<string>;
  roleTemplateIds: ReadonlySet<string>;
  /** `xms_cc`: client capabilities the app declared, e.g. "cp1" (it can handle claims challenges). */
  capabilities: ReadonlySet<string>;
  /** `acrs`: Conditional Access authentication contexts the sign-in satisfied, e.g. "c1". */
  authContexts: ReadonlySet<string>;
}

/** Runtime-changeable settings (POST /_emulator/config). */
export interface EmulatorConfig {
  latencyMs: number;
  pageSize: number;
  dCancelSuccessStatus: 200 | 204;
  /** Requests per caller per 10 s before 429; 0 turns the limiter off. */
  throttlePer10s: number;
  /**
   * Category B's retirement (contract §4: PIM v1 stopped returning data on 31 May 2021): its lists answer an empty
   * page and cancel answers "Request with request ID not found.". Off by default so the seeded data is usable.
   */
  bRetired: boolean;
  /**
   * Category E cancels of requests awaiting approval (PendingApproval, PendingAdminDecision) succeed, as in
   * Microsoft's PIM docs and the Entra admin center; false = only Granted, as the cancel pages read (contract §7,
   * §9 E-1). See collections/role-request-status.ts.
   */
  eCancelPendingApproval: boolean;
}
