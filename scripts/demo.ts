// `npm run demo`: the identity provider, the Graph emulator (seeded) and a production build of the app, all on
// localhost. Ctrl+C stops everything.
import { spawn, type ChildProcess } from "node:child_process";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../stand-ins/demo-tenant";
import { APP_URL, DEMO_APP_ENV, GRAPH_EMULATOR_URL, IDP_URL } from "./demo-env";

const children: ChildProcess[] = [];

function run(name: string, command: string, env: Record<string, string> = {}): ChildProcess {
  const child = spawn(command, { shell: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  const prefix = (line: string) => (line.trim() ? `[${name}] ${line}\n` : "");
  child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(chunk.toString().split("\n").map(prefix).join("")));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk.toString().split("\n").map(prefix).join("")));
  children.push(child);
  return child;
}

function stopAll(code: number): never {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(code);
}

async function waitFor(url: string, name: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  console.error(`${name} did not come up at ${url} within ${timeoutMs / 1000}s.`);
  stopAll(1);
}

function exitsWith(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

run("idp", "npx tsx stand-ins/identity-provider/main.ts");
run("graph", "npx tsx stand-ins/graph-emulator/main.ts");
console.log("Building the app (production build)…");
const buildCode = await exitsWith(run("build", "npx next build", DEMO_APP_ENV));
if (buildCode !== 0) {
  console.error("The production build failed; see the [build] lines above.");
  stopAll(buildCode);
}
run("app", "npx next start -H 127.0.0.1 -p 3000", DEMO_APP_ENV);
await Promise.all([
  waitFor(`${IDP_URL}/health`, "Identity provider"),
  waitFor(`${GRAPH_EMULATOR_URL}/health`, "Graph emulator"),
  waitFor(`${APP_URL}/api/health`, "Request Desk"),
]);

console.log(`
Request Desk is running: ${APP_URL}

Sign in with (password for every account: ${DEMO_PASSWORD}):
${DEMO_ACCOUNTS.map((a) => `  ${a.userPrincipalName.padEnd(22)} ${a.displayName}${a.directoryRoles.length ? " (administrator)" : ""}`).join("\n")}

Identity provider: ${IDP_URL}   Graph emulator: ${GRAPH_EMULATOR_URL} (reset: POST ${GRAPH_EMULATOR_URL}/_emulator/reset)
Press Ctrl+C to stop.
`);
