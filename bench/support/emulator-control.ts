// The Graph emulator's test-only control endpoints (stand-ins/graph-emulator/README.md, "Test-only control
// endpoints"), as the benchmarks use them. Never part of the app's code paths.

import { GRAPH_EMULATOR_URL } from "../../scripts/demo-env";
import type { EmulatorConfig } from "../../stand-ins/graph-emulator/engine/types";
import type { LoggedCall as LoggedGraphCall } from "../../stand-ins/graph-emulator/engine/request-log";

// The emulator's own types: what its control endpoints answer.
export type { EmulatorConfig } from "../../stand-ins/graph-emulator/engine/types";
export type { LoggedCall as LoggedGraphCall } from "../../stand-ins/graph-emulator/engine/request-log";

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${GRAPH_EMULATOR_URL}/_emulator${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Emulator ${method} /_emulator${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const emulator = {
  reset: () => control<unknown>("POST", "/reset"),
  config: () => control<EmulatorConfig>("GET", "/config"),
  configure: (patch: Partial<EmulatorConfig>) => control<EmulatorConfig>("POST", "/config", patch),
  log: () => control<LoggedGraphCall[]>("GET", "/requests"),
  clearLog: () => control<unknown>("DELETE", "/requests"),
  state: <T = Record<string, unknown>>(collection: string) => control<T[]>("GET", `/state/${collection}`),
};

/** HTTP round trips in a slice of the log: every call that was not an item inside a `$batch` (envelopes count once). */
export function roundTrips(calls: readonly LoggedGraphCall[]): number {
  return calls.filter((c) => !c.viaBatch).length;
}
