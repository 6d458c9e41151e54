// Starts the demo stack (scripts/stack.ts) for a group of benchmarks with a given emulator environment, and stops
// it again, making sure the ports are free before starting and after stopping. Other engineers' e2e runs use the
// same ports at times: a busy port is waited for, never killed.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { APP_LISTEN_PORT, ARM_EMULATOR_LISTEN_PORT, GRAPH_EMULATOR_LISTEN_PORT, IDP_LISTEN_PORT } from "../../scripts/demo-env";
import { startStack, type Stack } from "../../scripts/stack";

// 3000, 4000, 4100 and 4200 unless APP_PORT, GRAPH_EMULATOR_PORT, IDP_PORT and ARM_EMULATOR_PORT say otherwise (a
// stack beside another).
const PORTS = [APP_LISTEN_PORT, GRAPH_EMULATOR_LISTEN_PORT, IDP_LISTEN_PORT, ARM_EMULATOR_LISTEN_PORT];

let current: Stack | null = null;

/**
 * Every process below this one. `Stack.stop()` signals the `sh -c` wrappers it spawned, but `npm exec`, tsx and
 * the app server (`node .next/standalone/request-desk-server.mjs`) below them do not pass the signal on and would keep the
 * ports; so the whole tree is noted before stopping, and whatever of it outlives `stop()` is ended by pid.
 */
function descendants(): number[] {
  const children = new Map<number, number[]>();
  for (const line of execFileSync("ps", ["-A", "-o", "pid=,ppid="], { encoding: "utf8" }).split("\n")) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (!pid || ppid === undefined) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [process.pid];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // A zombie (ended, not yet reaped by its new parent) holds no port.
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

function signalEach(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Waits for `tree` to end by itself, then SIGTERM, then SIGKILL, each pid on its own. */
async function endTree(tree: readonly number[], graceMs: number): Promise<void> {
  for (const [signal, waitMs] of [[null, graceMs], ["SIGTERM", 10_000], ["SIGKILL", 2_000]] as const) {
    if (signal) signalEach(tree.filter(alive), signal);
    const deadline = Date.now() + waitMs;
    while (tree.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    if (!tree.some(alive)) return;
  }
}

async function stopStack(stack: Stack): Promise<void> {
  const tree = descendants();
  stack.stop();
  await endTree(tree, 3_000);
}

// Ctrl-C or a kill: stop what we started before going (try/finally does not run on signals).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    const tree = descendants();
    current?.stop();
    signalEach(tree, "SIGTERM");
    process.exit(130);
  });
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.setTimeout(1_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function busyPorts(): Promise<number[]> {
  const answers = await Promise.all(PORTS.map(portAnswers));
  return PORTS.filter((_, i) => answers[i]);
}

/** Resolves once the three ports are free; throws after `timeoutMs`, naming the ports still in use. */
export async function waitForFreePorts(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let busy = await busyPorts();
  while (busy.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    busy = await busyPorts();
  }
  if (busy.length > 0) {
    throw new Error(
      `Port(s) ${busy.join(", ")} still in use after ${Math.round(timeoutMs / 1000)} s (another stack or an e2e run?). ` +
        "Stop it, or wait until it is done, then run `npm run bench` again.",
    );
  }
}

/**
 * The app's rate limits (README, "Limits") raised out of reach, for benchmarks that load the app from one address
 * as one user: they measure the server, not the limiter, which would answer most of their requests 429.
 */
export const RAISED_RATE_LIMITS: Record<string, string> = {
  API_RATE_LIMIT_USER_BURST: "1000000",
  API_RATE_LIMIT_USER_PER_SECOND: "1000000",
  API_RATE_LIMIT_ADDRESS_BURST: "1000000",
  API_RATE_LIMIT_ADDRESS_PER_SECOND: "1000000",
};

/**
 * Runs `body` against a fresh stack whose Graph emulator has `emulatorEnv` (the ARM stand-in `armEnv`, the app
 * `appEnv`). The emulator is always quiet: its per-call log line would otherwise fill the unread stdout pipe of a
 * long benchmark and stall it.
 */
export async function withStack<T>(
  emulatorEnv: Record<string, string>,
  body: () => Promise<T>,
  armEnv: Record<string, string> = {},
  appEnv: Record<string, string> = {},
): Promise<T> {
  // Another stack may be shutting down (ours, a moment ago) or an e2e run may be using the ports: wait a while.
  await waitForFreePorts(Number(process.env.BENCH_PORT_WAIT_MS ?? 180_000));
  let stack: Stack;
  // The app gets this process's environment under DEMO_APP_ENV (scripts/stack.ts), so its extra variables go there
  // for the start, and are put back afterwards.
  const saved = Object.fromEntries(Object.keys(appEnv).map((name) => [name, process.env[name]]));
  Object.assign(process.env, appEnv);
  try {
    stack = current = await startStack({ emulatorEnv: { GRAPH_EMULATOR_QUIET: "1", ...emulatorEnv }, armEnv: { ARM_EMULATOR_QUIET: "1", ...armEnv } });
  } catch (error) {
    // startStack stopped its wrappers; the servers under them may still be up.
    await endTree(descendants(), 0);
    throw error;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  try {
    return await body();
  } finally {
    await stopStack(stack);
    current = null;
    await waitForFreePorts(30_000);
  }
}
