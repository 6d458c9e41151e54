import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { APP_SERVER_ENTRY, DEMO_APP_ENV } from "../../scripts/demo-env";

/**
 * A second instance of the app's production build (the one the app webServer built) on a free port, with extra
 * environment: for limits too large to reach from a test against the shared instance (a 1,000-request burst takes
 * as long as this machine is slow, while the allowance refills by the second) and too small to give it.
 */
export async function startAppBeside(env: Record<string, string>): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(process.execPath, [APP_SERVER_ENTRY], {
    env: { ...process.env, ...DEMO_APP_ENV, HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: "ignore",
  });
  const stop = () => {
    if (child.exitCode === null) child.kill("SIGTERM");
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${url}/api/health`, () => child.exitCode !== null);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealth(url: string, exited: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited()) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The second app instance did not answer ${url}${exited() ? " (it exited)" : ""}.`);
}
