// The ARM stand-in's test-only control endpoints (stand-ins/arm-emulator/README.md, "Control endpoints") that the
// resilience benchmarks read: its request log. Never part of the app's code paths.

import { ARM_EMULATOR_URL } from "../../scripts/demo-env";
import type { ArmLoggedCall } from "../../stand-ins/arm-emulator/engine/request-log";

export type { ArmLoggedCall } from "../../stand-ins/arm-emulator/engine/request-log";

async function control<T>(method: string, path: string): Promise<T> {
  const response = await fetch(`${ARM_EMULATOR_URL}/_arm${path}`, { method });
  if (!response.ok) throw new Error(`ARM stand-in ${method} /_arm${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const armStandIn = {
  reset: () => control<unknown>("POST", "/reset"),
  log: () => control<ArmLoggedCall[]>("GET", "/requests"),
  clearLog: () => control<unknown>("DELETE", "/requests"),
};
