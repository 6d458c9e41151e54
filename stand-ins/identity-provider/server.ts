// The local OpenID Connect identity provider (oidc-provider v9) that the app's MSAL Browser v5 signs in against,
// standing in for Microsoft Entra ID when there is no internet. See README.md in this folder.

import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Provider, { errors, interactionPolicy } from "oidc-provider";
import type { Configuration, Interaction, KoaContextWithOIDC } from "oidc-provider";

import { APP_PORT, DEMO_CLIENT_ID, DEMO_TENANT_ID, IDP_PORT } from "../demo-tenant";
import {
  GRAPH_ACCEPTED_SCOPES,
  GRAPH_RESOURCE,
  authenticate,
  clientInfo,
  findSignInPersonByOid,
  graphAccessTokenClaims,
  normaliseGraphScope,
  openIdClaims,
  partitionRequestedGraphScopes,
  splitScopes,
} from "./claims";
import {
  LOGOUT_CSP,
  NO_SCRIPT_CSP,
  renderErrorPage,
  renderLogoutPage,
  renderSignInPage,
  renderSignedOutPage,
} from "./pages";
import { MemoryStore } from "./memory-store";
import { loadOrCreateSigningKey, type SigningMaterial } from "./signing-key";

export const DEFAULT_APP_ORIGIN = `http://localhost:${APP_PORT}`;
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../.stand-ins-data", import.meta.url));
export const CLIENT_NAME = "Request Desk";

export interface IdentityProviderOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. Default `IDP_PORT` (4100). */
  port?: number;
  /** The app's origin, e.g. `http://localhost:3000`: redirect URIs, post-logout URI and CORS derive from it. */
  appOrigin?: string;
  /** Where the signing key lives (created if missing). Default `<repo>/.stand-ins-data`. */
  dataDir?: string;
  /** Receives one line per request and error notices; `false` silences it. Default `console.log`. */
  log?: ((line: string) => void) | false;
}

export interface RunningIdentityProvider {
  /** `http://localhost:<port>`, no trailing slash. */
  issuer: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

export async function startIdentityProvider(options: IdentityProviderOptions = {}): Promise<RunningIdentityProvider> {
  const appOrigin = new URL(options.appOrigin ?? DEFAULT_APP_ORIGIN).origin;
  const dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const log = options.log === false ? () => {} : (options.log ?? ((line: string) => console.log(line)));
  const signing = await loadOrCreateSigningKey(dataDir);

  // Listen first so that port 0 resolves to a real port before the issuer URL is fixed.
  let handle: http.RequestListener = (_req, res) => {
    res.writeHead(503).end();
  };
  const server = http.createServer((req, res) => handle(req, res));
  const store = new MemoryStore();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? IDP_PORT, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });

  const close = () =>
    new Promise<void>((resolve, reject) => {
      store.close();
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });

  try {
    const { port } = server.address() as AddressInfo;
    const issuer = `http://localhost:${port}`;
    const provider = createProvider({ issuer, appOrigin, signing, store, log });
    handle = createRequestHandler(provider, log);
    return { issuer, port, close };
  } catch (error) {
    await close();
    throw error;
  }
}

interface ProviderSettings {
  issuer: string;
  appOrigin: string;
  signing: SigningMaterial;
  store: MemoryStore;
  log: (line: string) => void;
}

function createProvider({ issuer, appOrigin, signing, store, log }: ProviderSettings): Provider {
  // Entra shows an account picker for prompt=select_account; here it is the sign-in page.
  const policy = interactionPolicy.base();
  policy.add(new interactionPolicy.Prompt({ name: "select_account", requestable: true }), 0);

  const configuration: Configuration = {
    adapter: store.adapter,
    clients: [
      {
        client_id: DEMO_CLIENT_ID,
        client_name: CLIENT_NAME,
        application_type: "web",
        token_endpoint_auth_method: "none", // public SPA client
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        // `/redirect` is the MSAL v5 redirect bridge page used by iframe/popup flows (ssoSilent, silent renewal).
        redirect_uris: [`${appOrigin}/`, `${appOrigin}/redirect`],
        post_logout_redirect_uris: [`${appOrigin}/`],
      },
    ],
    jwks: { keys: [signing.jwk] },
    cookies: { keys: signing.cookieKeys },
    pkce: { required: () => true },
    responseTypes: ["code"],
    // MSAL redeems codes and refresh tokens from the browser.
    clientBasedCORS: (_ctx, origin) => origin === appOrigin,
    scopes: ["openid", "profile", "email", "offline_access"],
    claims: {
      openid: ["sub", "oid", "tid", "ver"],
      profile: ["name", "preferred_username", "given_name", "family_name"],
      email: ["email"],
    },
    // Scope-derived claims go into the ID token too: MSAL builds the account (name, username) from it.
    conformIdTokenClaims: false,
    findAccount(_ctx, id) {
      const person = findSignInPersonByOid(id);
      return person && { accountId: person.oid, claims: () => openIdClaims(person) };
    },
    extraTokenClaims(_ctx, token) {
      if (token.kind !== "AccessToken" || token.resourceServer?.audience !== GRAPH_RESOURCE) return undefined;
      const person = token.accountId ? findSignInPersonByOid(token.accountId) : undefined;
      return person && graphAccessTokenClaims(person, token.scope, token.clientId ?? DEMO_CLIENT_ID);
    },
    formats: {
      customizers: {
        // Entra access tokens carry `scp` and `azp`, not RFC 9068's `scope` and `client_id`.
        jwt(_ctx, token, parts) {
          if (token.resourceServer?.audience !== GRAPH_RESOURCE) return;
          delete parts.payload.scope;
          delete parts.payload.client_id;
        },
      },
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          ctx.type = "html";
          ctx.set("content-security-policy", LOGOUT_CSP);
          ctx.body = renderLogoutPage(form);
        },
        postLogoutSuccessSource(ctx) {
          ctx.type = "html";
          ctx.set("content-security-policy", NO_SCRIPT_CSP);
          ctx.body = renderSignedOutPage(ctx.oidc.client?.clientName);
        },
      },
      resourceIndicators: {
        enabled: true,
        // MSAL never sends `resource=`: like Entra, the audience follows from the requested scopes.
        defaultResource(ctx, _client, oneOf) {
          if (oneOf) return oneOf.includes(GRAPH_RESOURCE) ? GRAPH_RESOURCE : oneOf;
          const scope = ctx.oidc.params?.scope;
          const wantsGraph = splitScopes(typeof scope === "string" ? scope : undefined).some(
            (s) => normaliseGraphScope(s) !== undefined,
          );
          return wantsGraph ? GRAPH_RESOURCE : undefined;
        },
        // Token requests (code and refresh) carry no `resource=`: reuse the one granted at /auth.
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, resource) {
          if (resource !== GRAPH_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: GRAPH_ACCEPTED_SCOPES.join(" "),
            audience: GRAPH_RESOURCE,
            accessTokenTTL: 3600,
            accessTokenFormat: "jwt",
            jwt: { sign: { alg: "RS256" } },
          };
        },
      },
    },
    interactions: {
      policy,
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    loadExistingGrant: autoConsentGrant,
    // oidc-provider drops `offline_access` unless prompt=consent, which MSAL never sends: issue refresh tokens to
    // this client anyway, and don't tie them to the browser session (Entra's aren't either).
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    expiresWithSession: () => false,
    ttl: {
      AccessToken: 3600,
      IdToken: 3600,
      AuthorizationCode: 60,
      Interaction: 600,
      RefreshToken: 24 * 3600, // Entra's SPA refresh tokens live 24 hours
      Session: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
    },
    renderError(ctx, out) {
      ctx.type = "html";
      ctx.set("content-security-policy", NO_SCRIPT_CSP);
      ctx.body = renderErrorPage({ error: out.error, description: out.error_description });
    },
  };

  const provider = new Provider(issuer, configuration);

  // Error notices: names and descriptions only (never tokens, codes or request bodies).
  provider.on("server_error", (_ctx: unknown, error: Error) => log(`[idp] server_error: ${error.message}`));
  const notice = (event: string) => (_ctx: unknown, error: errors.OIDCProviderError) =>
    log(`[idp] ${event}: ${error.error ?? error.name}${error.error_description ? ` (${error.error_description})` : ""}`);
  provider.on("authorization.error", notice("authorization.error"));
  provider.on("grant.error", notice("grant.error"));
  provider.on("end_session.error", notice("end_session.error"));
  provider.on("userinfo.error", notice("userinfo.error"));

  // Entra adds `client_info` (base64url {uid, utid}) to token responses; MSAL forms homeAccountId `<oid>.<tid>`.
  provider.use(async (koaCtx, next) => {
    await next();
    const ctx = koaCtx as unknown as KoaContextWithOIDC;
    if (ctx.oidc?.route !== "token" || ctx.status !== 200) return;
    const body = ctx.body;
    const accountId = ctx.oidc.account?.accountId;
    if (!accountId || typeof body !== "object" || body === null) return;
    ctx.body = { ...body, client_info: clientInfo(accountId, DEMO_TENANT_ID) };
  });

  return provider;
}

/**
 * First-party auto-consent, like an Entra app registration with admin consent: grant every requested OpenID
 * scope and claim, and every requested catalogue scope except the person's withheld ones (rejected, so the
 * provider doesn't ask for consent and leaves them out of the token).
 */
async function autoConsentGrant(ctx: KoaContextWithOIDC) {
  const { client, session, provider } = ctx.oidc;
  if (!client || !session?.accountId) return undefined;
  const person = findSignInPersonByOid(session.accountId);
  if (!person) return undefined;

  const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  const grant =
    existing && existing.accountId === person.oid && existing.clientId === client.clientId
      ? existing
      : new provider.Grant({ accountId: person.oid, clientId: client.clientId });

  grant.addOIDCScope(ctx.oidc.requestParamOIDCScopes);
  grant.addOIDCClaims(ctx.oidc.requestParamClaims);
  if (ctx.oidc.resourceServers?.[GRAPH_RESOURCE]) {
    const scopes = partitionRequestedGraphScopes(ctx.oidc.requestParamScopes, person);
    if (scopes.grant.length) grant.addResourceScope(GRAPH_RESOURCE, scopes.grant);
    if (scopes.reject.length) grant.rejectResourceScope(GRAPH_RESOURCE, scopes.reject);
  }
  await grant.save();
  return grant;
}

function createRequestHandler(provider: Provider, log: (line: string) => void): http.RequestListener {
  const callback = provider.callback();

  async function route(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (pathname === "/health" && (req.method === "GET" || req.method === "HEAD")) {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : JSON.stringify({ status: "ok" }));
      return;
    }

    const interaction = /^\/interaction\/([\w-]+)$/.exec(pathname);
    if (interaction?.[1]) {
      await handleInteraction(provider, req, res, interaction[1]);
      return;
    }

    if (pathname === "/session/end" && req.method === "GET") defaultLogoutClient(req);
    if (pathname === "/token" && req.method === "POST" && isFormRequest(req)) {
      await prepareTokenRequest(req);
    }
    await callback(req, res);
  }

  return (req, res) => {
    const started = performance.now();
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    res.on("finish", () => {
      log(`[idp] ${req.method} ${pathname} ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
    });
    route(req, res, pathname).catch((error: unknown) => {
      if (error instanceof BodyTooLarge) {
        if (!res.headersSent) res.writeHead(413, { "content-type": "text/plain" }).end("Request body too large");
        return;
      }
      log(`[idp] internal error on ${req.method} ${pathname}: ${error instanceof Error ? error.message : "unknown"}`);
      if (!res.headersSent) sendHtml(res, 500, renderErrorPage({ error: "server_error" }));
      else res.end();
    });
  };
}

/** The sign-in page (GET shows it, POST checks the password) that replaces oidc-provider's devInteractions. */
async function handleInteraction(
  provider: Provider,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  uid: string,
): Promise<void> {
  if (req.method !== "GET" && req.method !== "POST") {
    res.writeHead(405, { allow: "GET, POST" }).end();
    return;
  }

  let details: Interaction;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (error) {
    if (!(error instanceof errors.SessionNotFound)) throw error;
    sendHtml(res, 400, renderErrorPage({ error: "session_not_found", description: "Go back to the app and sign in again." }));
    return;
  }
  if (details.uid !== uid) {
    sendHtml(res, 400, renderErrorPage({ error: "session_not_found", description: "Go back to the app and sign in again." }));
    return;
  }

  // Consent is granted by the app registration (see autoConsentGrant), so a consent prompt needs no human.
  if (details.prompt.name === "consent") {
    await provider.interactionFinished(req, res, { consent: {} }, { mergeWithLastSubmission: true });
    return;
  }

  const action = `/interaction/${encodeURIComponent(uid)}`;
  if (req.method === "GET") {
    const hint = details.params.login_hint;
    sendHtml(res, 200, renderSignInPage({ action, appName: CLIENT_NAME, email: typeof hint === "string" ? hint : "" }));
    return;
  }

  const form = new URLSearchParams(await readBody(req));
  const email = form.get("email") ?? "";
  const person = authenticate(email, form.get("password") ?? "");
  if (!person) {
    sendHtml(res, 401, renderSignInPage({ action, appName: CLIENT_NAME, email, failed: true }));
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: person.oid }, select_account: {} },
    { mergeWithLastSubmission: false },
  );
}

/**
 * On refresh_token grants MSAL re-sends the scopes it wants, `offline_access` among them, but refresh tokens are
 * issued without it (see issueRefreshToken) and without withheld scopes, and oidc-provider would answer "refresh
 * token missing requested scope": the scope parameter is dropped, so the refresh covers the whole grant. The edited
 * body is handed over as `req.body`, which oidc-provider reads when the stream was already consumed (it prints a
 * one-time notice about an "upstream middleware parser" the first time; that is this shim).
 */
async function prepareTokenRequest(req: http.IncomingMessage & { body?: unknown }): Promise<void> {
  const params = new URLSearchParams(await readBody(req));
  const scope = params.get("scope");
  if (params.get("grant_type") === "refresh_token" && scope !== null) {
    // Like Entra, a refreshed Graph token carries every permission consented for Graph, whatever subset was
    // asked for; a scope that was never granted (withheld) is left out rather than failing the refresh.
    params.delete("scope");
  }
  const body: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    body[key] = values.length === 1 && values[0] !== undefined ? values[0] : values;
  }
  req.body = body;
}

/**
 * MSAL v5's logoutRedirect sends `post_logout_redirect_uri` but neither `client_id` nor `id_token_hint` (it would
 * send `logout_hint`, from an Entra-only ID token claim), and oidc-provider ignores a return address it can't tie
 * to a client. There is one client, so name it; the address is still checked against its registered list.
 */
function defaultLogoutClient(req: http.IncomingMessage): void {
  const url = new URL(req.url ?? "/", "http://localhost");
  const { searchParams } = url;
  if (searchParams.has("post_logout_redirect_uri") && !searchParams.has("client_id") && !searchParams.has("id_token_hint")) {
    searchParams.set("client_id", DEMO_CLIENT_ID);
    req.url = `${url.pathname}${url.search}`;
  }
}

function isFormRequest(req: http.IncomingMessage): boolean {
  return (req.headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
}

class BodyTooLarge extends Error {}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": NO_SCRIPT_CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  });
  res.end(html);
}
