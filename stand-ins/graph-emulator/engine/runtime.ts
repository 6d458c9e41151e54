// Everything one tenant of a running emulator holds: its state, runtime config, faults, claims challenges and rate
// limiter, plus what the tenants share (request log, token verification, routes). `reset()` returns to the seed
// and the start-up configuration. engine/tenants.ts holds one runtime per tenant.

import type { SeedData } from "../model";
import type { Authenticate } from "./auth";
import { ClaimsChallenges } from "./claims-challenge";
import { FaultInjector, Throttle } from "./faults";
import { LostAnswers } from "./lost-answers";
import type { RequestLog } from "./request-log";
import type { Router } from "./routing";
import { stateFromSeed, type EmulatorState } from "./state";
import { TokenExpiry } from "./token-expiry";
import type { EmulatorConfig } from "./types";

export interface EmulatorRuntime {
  /** The tenant (token `tid`) this runtime serves. */
  readonly tenantId: string;
  /** Expected token issuer; 401 challenges send the client back to it. */
  readonly issuer: string;
  state: EmulatorState;
  config: EmulatorConfig;
  /** Shared by every tenant; entries carry `tenantId`. */
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly claims: ClaimsChallenges;
  /** Calls to answer as if their token had expired (POST /_emulator/token-expiry). */
  readonly tokenExpiry: TokenExpiry;
  /** Cancels to carry out and then answer 503/504 (POST /_emulator/lost-answers). */
  readonly lostAnswers: LostAnswers;
  readonly throttle: Throttle;
  readonly authenticate: Authenticate;
  readonly router: Router;
  /** Optional one-line-per-call console output (the CLI turns it on). */
  readonly trace?: (line: string) => void;
  reset(): void;
}

export function createRuntime(options: {
  tenantId: string;
  seed: SeedData;
  config: EmulatorConfig;
  issuer: string;
  log: RequestLog;
  authenticate: Authenticate;
  router: Router;
  trace?: (line: string) => void;
}): EmulatorRuntime {
  const runtime: EmulatorRuntime = {
    tenantId: options.tenantId,
    issuer: options.issuer,
    state: stateFromSeed(options.seed),
    config: { ...options.config },
    log: options.log,
    faults: new FaultInjector(),
    claims: new ClaimsChallenges(),
    tokenExpiry: new TokenExpiry(),
    lostAnswers: new LostAnswers(),
    throttle: new Throttle(),
    authenticate: options.authenticate,
    router: options.router,
    ...(options.trace ? { trace: options.trace } : {}),
    reset() {
      runtime.state = stateFromSeed(options.seed);
      runtime.config = { ...options.config };
      runtime.log.clear(runtime.tenantId);
      runtime.faults.clear();
      runtime.claims.clear();
      runtime.tokenExpiry.clear();
      runtime.lostAnswers.clear();
      runtime.throttle.reset();
    },
  };
  return runtime;
}
