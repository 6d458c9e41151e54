import { APP_PORT, DEMO_CLIENT_ID, GRAPH_EMULATOR_PORT, IDP_PORT } from "../stand-ins/demo-tenant";

export const APP_URL = `http://localhost:${APP_PORT}`;
export const GRAPH_EMULATOR_URL = `http://localhost:${GRAPH_EMULATOR_PORT}`;
export const IDP_URL = `http://localhost:${IDP_PORT}`;

/**
 * The app's configuration for the offline demo and the tests. Production sets the same variables to Entra ID and
 * graph.microsoft.com values (README, "Configuration"); nothing else differs.
 */
export const DEMO_APP_ENV: Record<string, string> = {
  GRAPH_BASE_URL: GRAPH_EMULATOR_URL,
  AUTH_CLIENT_ID: DEMO_CLIENT_ID,
  // MSAL insists on an https authority but never contacts it when authorityMetadata is given (IdP reference, 1).
  AUTH_AUTHORITY: `https://localhost:${IDP_PORT}/`,
  AUTH_KNOWN_AUTHORITIES: `localhost:${IDP_PORT}`,
  AUTH_METADATA_URL: `${IDP_URL}/.well-known/openid-configuration`,
  AUTH_PROTOCOL_MODE: "OIDC",
  NEXT_TELEMETRY_DISABLED: "1",
};
