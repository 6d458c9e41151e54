// Starts the identity provider, the Graph emulator, the ARM stand-in and a production build of the app as child processes, and
// stops them again. Used by `npm run demo` and the benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { APP_START_COMMAND, APP_URL, ARM_EMULATOR_ENV, ARM_EMULATOR_URL, DEMO_APP_ENV, EMULATOR_ENV, GRAPH_EMULATOR_URL, IDP_ENV, IDP_URL } from "./demo-env";

export interface Stack {
  stop(): void;
}

interface StackOptions {
  /** Extra environment for the emulator (latency, page size, seed size). */
  emulatorEnv?: Record<string, string>;
  /** Extra environment for the ARM stand-in (latency, seed size). */
  armEnv?: Record<string, string>;
  /** Print the children's output with a [name] prefix (the demo) or keep quiet (benchmarks). */
  verbose?: boolean;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const children: ChildProcess[] = [];
  // Each child leads its own process group, so stopping it also stops what `npx` and the shell started under it.
  const stop = () => {
    for (const child of children) {
      if (child.exitCode !== null || child.pid === undefined) continue;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  };
  const run = (name: string, command: string, env: Record<string, string> = {}) => {
    const child = spawn(command, {
      shell: true,
      detached: true,
      // Unread pipes fill up and stall a chatty child, so a quiet stack discards the output instead.
      stdio: options.verbose ? ["ignore", "pipe", "pipe"] : "ignore",
      env: { ...process.env, ...env },
    });
    if (options.verbose) {
      const prefix = (line: string) => (line.trim() ? `[${name}] ${line}\n` : "");
      child.stdout?.on("data", (c: Buffer) => process.stdout.write(c.toString().split("\n").map(prefix).join("")));
      child.stderr?.on("data", (c: Buffer) => process.stderr.write(c.toString().split("\n").map(prefix).join("")));
    }
    children.push(child);
    return child;
  };

  run("idp", "npx tsx stand-ins/identity-provider/main.ts", IDP_ENV);
  run("graph", "npx tsx stand-ins/graph-emulator/main.ts", { ...EMULATOR_ENV, ...options.emulatorEnv });
  run("arm", "npx tsx stand-ins/arm-emulator/main.ts", { ...ARM_EMULATOR_ENV, ...options.armEnv });
  const build = run("build", "npm run build", DEMO_APP_ENV);
  const buildCode = await new Promise<number>((resolve) => build.on("exit", (code) => resolve(code ?? 1)));
  if (buildCode !== 0) {
    stop();
    throw new Error("The production build failed.");
  }
  run("app", APP_START_COMMAND, DEMO_APP_ENV);
  try {
    await Promise.all([
      waitFor(`${IDP_URL}/health`),
      waitFor(`${GRAPH_EMULATOR_URL}/health`),
      waitFor(`${ARM_EMULATOR_URL}/health`),
      waitFor(`${APP_URL}/api/health`),
    ]);
  } catch (error) {
    stop();
    throw error;
  }
  return { stop };
}

async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s (is something else using the port?).`);
}
