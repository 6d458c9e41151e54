import "server-only";
import { serverEnv, type ServerEnv } from "@/lib/config/server-env";
import { BulkRunLock } from "./bulk-run-lock";
import { ByteBudget } from "./byte-budget";
import { TokenBuckets } from "./token-buckets";

/** The process's one set of abuse limits, built from the environment at first use. */
export interface AbuseLimits {
  perCaller: TokenBuckets;
  perAddress: TokenBuckets;
  bodyBudget: ByteBudget;
  bulkRuns: BulkRunLock;
  maxBodyBytes: number;
  bodyTimeoutMs: number;
  trustedProxyHops: number;
}

// On globalThis rather than in module scope: every route bundle and a custom server must count against the same
// buckets, whichever copy of this module they loaded.
const KEY = Symbol.for("request-desk.abuse-limits");
type Holder = { [KEY]?: AbuseLimits };

export function abuseLimits(): AbuseLimits {
  const holder = globalThis as Holder;
  holder[KEY] ??= createAbuseLimits(serverEnv());
  return holder[KEY];
}

type LimitSettings = Pick<
  ServerEnv,
  | "API_RATE_LIMIT_USER_BURST"
  | "API_RATE_LIMIT_USER_PER_SECOND"
  | "API_RATE_LIMIT_ADDRESS_BURST"
  | "API_RATE_LIMIT_ADDRESS_PER_SECOND"
  | "API_RATE_LIMIT_MAX_KEYS"
  | "API_MAX_BODY_BYTES"
  | "API_BODY_BUDGET_BYTES"
  | "API_BODY_READ_TIMEOUT_MS"
  | "TRUSTED_PROXY_HOPS"
>;

/** Fresh limits from settings (the environment's, or a test's). */
export function createAbuseLimits(env: LimitSettings): AbuseLimits {
  const maxKeys = env.API_RATE_LIMIT_MAX_KEYS;
  return {
    perCaller: new TokenBuckets({ burst: env.API_RATE_LIMIT_USER_BURST, perSecond: env.API_RATE_LIMIT_USER_PER_SECOND, maxKeys }),
    perAddress: new TokenBuckets({ burst: env.API_RATE_LIMIT_ADDRESS_BURST, perSecond: env.API_RATE_LIMIT_ADDRESS_PER_SECOND, maxKeys }),
    bodyBudget: new ByteBudget(env.API_BODY_BUDGET_BYTES),
    bulkRuns: new BulkRunLock(),
    maxBodyBytes: env.API_MAX_BODY_BYTES,
    bodyTimeoutMs: env.API_BODY_READ_TIMEOUT_MS,
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
  };
}
