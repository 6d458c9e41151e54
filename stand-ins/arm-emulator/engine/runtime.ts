// Everything a running ARM emulator holds: the fixed directory, the requests' state, the runtime configuration,
// faults, claims challenges, rate limiter and request log. `reset()` returns to the seed and the start-up
// configuration (POST /_arm/reset).

import { ArmDirectory } from "../model/directory";
import type { ArmSeed } from "../model/records";
import type { ArmAuthenticate } from "./auth";
import { ClaimsChallenges } from "./claims-challenge";
import { ArmFaults } from "./faults";
import { ArmRequestLog } from "./request-log";
import type { RouteResolver } from "./routing";
import { ArmState } from "./state";
import { ArmThrottle } from "./throttle";
import type { ArmConfig } from "./types";

export interface ArmRuntime {
  readonly tenantId: string;
  readonly issuer: string;
  readonly directory: ArmDirectory;
  state: ArmState;
  config: ArmConfig;
  readonly log: ArmRequestLog;
  readonly faults: ArmFaults;
  readonly claims: ClaimsChallenges;
  readonly throttle: ArmThrottle;
  readonly authenticate: ArmAuthenticate;
  readonly resolve: RouteResolver;
  readonly trace?: (line: string) => void;
  reset(): void;
}

const copyConfig = (config: ArmConfig): ArmConfig => ({ ...config, throttle: { ...config.throttle } });

export function createArmRuntime(options: {
  tenantId: string;
  issuer: string;
  seed: ArmSeed;
  config: ArmConfig;
  authenticate: ArmAuthenticate;
  resolve: RouteResolver;
  trace?: (line: string) => void;
}): ArmRuntime {
  const runtime: ArmRuntime = {
    tenantId: options.tenantId,
    issuer: options.issuer,
    directory: new ArmDirectory(options.seed),
    state: new ArmState(options.seed.requests),
    config: copyConfig(options.config),
    log: new ArmRequestLog(),
    faults: new ArmFaults(),
    claims: new ClaimsChallenges(),
    throttle: new ArmThrottle(),
    authenticate: options.authenticate,
    resolve: options.resolve,
    ...(options.trace ? { trace: options.trace } : {}),
    reset() {
      runtime.state = new ArmState(options.seed.requests);
      runtime.config = copyConfig(options.config);
      runtime.log.clear();
      runtime.faults.clear();
      runtime.claims.clear();
      runtime.throttle.reset();
    },
  };
  return runtime;
}
