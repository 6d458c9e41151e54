// `npm run demo`: the identity provider, the Graph emulator (seeded) and a production build of the app, all on
// localhost. Ctrl+C stops everything.
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../stand-ins/demo-tenant";
import { APP_URL, GRAPH_EMULATOR_URL, IDP_URL } from "./demo-env";
import { startStack } from "./stack";

console.log("Starting the identity provider and the Graph emulator, and building the app…");
const stack = await startStack({ verbose: true }).catch((error: unknown) => {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
});
const stop = () => {
  stack.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

console.log(`
Request Desk is running: ${APP_URL}

Sign in with (password for every account: ${DEMO_PASSWORD}):
${DEMO_ACCOUNTS.map((a) => `  ${a.userPrincipalName.padEnd(22)} ${a.displayName}${a.directoryRoles.length ? " (administrator)" : ""}`).join("\n")}

Identity provider: ${IDP_URL}   Graph emulator: ${GRAPH_EMULATOR_URL} (reset the data: POST ${GRAPH_EMULATOR_URL}/_emulator/reset)
Press Ctrl+C to stop.
`);
