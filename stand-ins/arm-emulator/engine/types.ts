// Shapes shared by the ARM emulator's engine, routes and control endpoints.

/** The verified token's caller (engine/auth.ts). */
export interface ArmCaller {
  oid: string;
  tenantId: string;
  /** `upn` or `preferred_username`, for AuthorizationFailed messages; the oid when the token carries neither. */
  signInName: string;
  /** Delegated scopes (`scp`), short names. */
  scopes: ReadonlySet<string>;
  /** `xms_cc`: client capabilities (CP1 = can answer a claims challenge). */
  capabilities: ReadonlySet<string>;
  /** `acrs`: satisfied authentication contexts. */
  authContexts: ReadonlySet<string>;
}

/** One ARM call as the pipeline sees it. */
export interface ArmCall {
  method: string;
  /** Decoded path without the query, e.g. "/subscriptions/…/providers/Microsoft.Authorization/…". */
  path: string;
  /** Decoded, non-empty path segments. */
  segments: readonly string[];
  query: URLSearchParams;
  /** `http://127.0.0.1:<port>`: nextLink is absolute (contract "Endpoints"). */
  origin: string;
  authorization: string | undefined;
}

export interface ArmResult {
  status: number;
  /** Absent = empty body (cancel answers 200 with none, contract "Endpoints"). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Contract "Errors, throttling, ids": token buckets per principal. */
export interface ThrottleSettings {
  enabled: boolean;
  readsBurst: number;
  readsPerSecond: number;
  writesBurst: number;
  writesPerSecond: number;
}

export interface ArmConfig {
  latencyMs: number;
  pageSize: number;
  throttle: ThrottleSettings;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  enabled: true,
  readsBurst: 250,
  readsPerSecond: 25,
  writesBurst: 200,
  writesPerSecond: 10,
};
