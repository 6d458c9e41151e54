import { APP_PORT, ARM_EMULATOR_PORT, DEMO_CLIENT_ID, GRAPH_EMULATOR_PORT, IDP_PORT } from "../stand-ins/demo-tenant";

// Ports default to the documented ones; the variables let a second stack (a test run beside a running demo or
// a benchmark) use its own.
const port = (name: string, fallback: number) => Number(process.env[name] || fallback);
export const APP_LISTEN_PORT = port("APP_PORT", APP_PORT);
export const GRAPH_EMULATOR_LISTEN_PORT = port("GRAPH_EMULATOR_PORT", GRAPH_EMULATOR_PORT);
export const IDP_LISTEN_PORT = port("IDP_PORT", IDP_PORT);
export const ARM_EMULATOR_LISTEN_PORT = port("ARM_EMULATOR_PORT", ARM_EMULATOR_PORT);

export const APP_URL = `http://localhost:${APP_LISTEN_PORT}`;
export const GRAPH_EMULATOR_URL = `http://localhost:${GRAPH_EMULATOR_LISTEN_PORT}`;
export const IDP_URL = `http://localhost:${IDP_LISTEN_PORT}`;
export const ARM_EMULATOR_URL = `http://localhost:${ARM_EMULATOR_LISTEN_PORT}`;

/**
 * The app's configuration for the offline demo and the tests. Production sets the same variables to Entra ID and
 * graph.microsoft.com values (README, "Configuration"); nothing else differs.
 */
export const DEMO_APP_ENV: Record<string, string> = {
  GRAPH_BASE_URL: GRAPH_EMULATOR_URL,
  ARM_BASE_URL: ARM_EMULATOR_URL,
  // ARM tokens are for the stand-in itself, as Entra's are for management.azure.com: the identity provider mints them
  // for this audience (IDP_ENV) and the stand-in accepts no other (ARM_EMULATOR_ENV).
  ARM_RESOURCE: ARM_EMULATOR_URL,
  AUTH_CLIENT_ID: DEMO_CLIENT_ID,
  // MSAL insists on an https authority but never contacts it when authorityMetadata is given (IdP reference, 1).
  AUTH_AUTHORITY: `https://localhost:${IDP_LISTEN_PORT}/`,
  // Where the admin-consent link points: the provider itself, over the plain http it really serves.
  AUTH_LOGIN_URL: IDP_URL,
  AUTH_KNOWN_AUTHORITIES: `localhost:${IDP_LISTEN_PORT}`,
  AUTH_METADATA_URL: `${IDP_URL}/.well-known/openid-configuration`,
  AUTH_PROTOCOL_MODE: "OIDC",
  NEXT_TELEMETRY_DISABLED: "1",
};

/** How the two stand-ins find each other and the app on these ports. */
export const IDP_ENV: Record<string, string> = { IDP_PORT: String(IDP_LISTEN_PORT), APP_ORIGIN: APP_URL, IDP_ARM_RESOURCE: ARM_EMULATOR_URL };
export const EMULATOR_ENV: Record<string, string> = {
  GRAPH_EMULATOR_PORT: String(GRAPH_EMULATOR_LISTEN_PORT),
  IDP_ISSUER: IDP_URL,
};

export const ARM_EMULATOR_ENV: Record<string, string> = {
  ARM_EMULATOR_PORT: String(ARM_EMULATOR_LISTEN_PORT),
  IDP_ISSUER: IDP_URL,
  ARM_AUDIENCE: ARM_EMULATOR_URL,
};

// The production server (server/main.ts, bundled by `npm run build`), as `npm start` runs it.
/** The production server the build writes (server/main.ts bundled): what the demo, the tests and the benchmarks run. */
export const APP_SERVER_ENTRY = ".next/standalone/request-desk-server.mjs";
export const APP_START_COMMAND = `HOST=127.0.0.1 PORT=${APP_LISTEN_PORT} node ${APP_SERVER_ENTRY}`;
