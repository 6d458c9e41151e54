// Everything one running emulator holds: tenant state, runtime config, request log, faults, rate limiter, token
// verification and routes. `reset()` returns to the seed and the start-up configuration.

import type { SeedData } from "../model";
import type { Authenticate } from "./auth";
import { FaultInjector, Throttle } from "./faults";
import { RequestLog } from "./request-log";
import { createRouter, type Route, type Router } from "./routing";
import { stateFromSeed, type EmulatorState } from "./state";
import type { EmulatorConfig } from "./types";

export interface EmulatorRuntime {
  state: EmulatorState;
  config: EmulatorConfig;
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly throttle: Throttle;
  readonly authenticate: Authenticate;
  readonly router: Router;
  /** Optional one-line-per-call console output (the CLI turns it on). */
  readonly trace?: (line: string) => void;
  reset(): void;
}

export function createRuntime(options: {
  seed: SeedData;
  config: EmulatorConfig;
  authenticate: Authenticate;
  routes: readonly Route[];
  trace?: (line: string) => void;
}): EmulatorRuntime {
  const runtime: EmulatorRuntime = {
    state: stateFromSeed(options.seed),
    config: { ...options.config },
    log: new RequestLog(),
    faults: new FaultInjector(),
    throttle: new Throttle(),
    authenticate: options.authenticate,
    router: createRouter(options.routes),
    ...(options.trace ? { trace: options.trace } : {}),
    reset() {
      runtime.state = stateFromSeed(options.seed);
      runtime.config = { ...options.config };
      runtime.log.clear();
      runtime.faults.clear();
      runtime.throttle.reset();
    },
  };
  return runtime;
}
