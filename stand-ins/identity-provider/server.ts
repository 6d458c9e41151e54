// The local OpenID Connect identity provider (oidc-provider v9) that the app's MSAL Browser v5 signs in against,
// standing in for Microsoft Entra ID when there is no internet. See README.md in this folder.

import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Provider, { errors } from "oidc-provider";
import type { Configuration, KoaContextWithOIDC } from "oidc-provider";

import { APP_PORT, ARM_RESOURCE, DEMO_CLIENT_ID, IDP_PORT } from "../demo-tenant";
import { ADMIN_CONSENT_PATH, handleAdminConsent } from "./admin-consent";
import { accessTokenClaimsOf } from "./claims-request";
import { accessTokenClaims, clientInfo, findSignInPersonByOid, homeTenantId, openIdClaims, splitScopes } from "./claims";
import { ConsentRecords } from "./consent-records";
import { CONTROL_PREFIX, handleControlRequest } from "./control-routes";
import { AADSTS } from "./entra-errors";
import { BodyTooLarge, isFormRequest, readBody, sendHtml, sendJson } from "./http-io";
import { createInteractionPolicy } from "./interaction-policy";
import { handleInteraction } from "./interactions";
import { MemoryStore } from "./memory-store";
import { LOGOUT_CSP, NO_SCRIPT_CSP, renderErrorPage, renderLogoutPage, renderSignedOutPage } from "./pages";
import { apisNamedBy, isScopeOf, resourceApis, type ResourceApi, type ResourceApis } from "./resource-apis";
import { explicitEntries } from "./scope-grant";
import { loadOrCreateSigningKey, type SigningMaterial } from "./signing-key";
import { StepUpRecords } from "./step-up-records";
import { gateTokenRequest, tokenDecisionFor } from "./token-gate";
import { keepIdleConnections } from "../keep-alive";

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
  /**
   * The Azure Resource Manager audience the provider also mints tokens for, e.g. a sovereign cloud's
   * `https://management.usgovcloudapi.net`. Default `ARM_RESOURCE` (`https://management.azure.com`).
   */
  armResource?: string;
}

export interface RunningIdentityProvider {
  /** `http://localhost:<port>`, no trailing slash. */
  issuer: string;
  port: number;
  close(): Promise<void>;
}

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
  keepIdleConnections(server);
  const store = new MemoryStore();
  const apis = resourceApis(new URL(options.armResource ?? ARM_RESOURCE).href);
  const records: Records = { consent: new ConsentRecords(apis), stepUp: new StepUpRecords() };
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
    const redirectUris = appRedirectUris(appOrigin);
    const provider = createProvider({ issuer, appOrigin, redirectUris, signing, store, records, apis, log });
    handle = createRequestHandler({ provider, appOrigin, redirectUris, records, apis, log });
    return { issuer, port, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Who consented to what, and who passed step-up: in memory, back to the start on POST /_idp/reset. */
interface Records {
  consent: ConsentRecords;
  stepUp: StepUpRecords;
}

/**
 * The client's registered redirect URIs: the app's root, the MSAL v5 redirect bridge page used by iframe/popup
 * flows (ssoSilent, silent renewal) and the page that receives the admin consent endpoint's answer.
 */
function appRedirectUris(appOrigin: string): string[] {
  return [`${appOrigin}/`, `${appOrigin}/redirect`, `${appOrigin}/admin-consent`];
}

interface ProviderSettings {
  issuer: string;
  appOrigin: string;
  redirectUris: string[];
  signing: SigningMaterial;
  store: MemoryStore;
  records: Records;
  apis: ResourceApis;
  log: (line: string) => void;
}

function createProvider({ issuer, appOrigin, redirectUris, signing, store, records, apis, log }: ProviderSettings): Provider {
  const policy = createInteractionPolicy({ ...records, apis, clientId: DEMO_CLIENT_ID, clientName: CLIENT_NAME });
  const apiFor = (resource: string | undefined) => apis.all.find((api) => api.resource === resource);

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
        redirect_uris: redirectUris,
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
    // MSAL sends the OpenID `claims` parameter with access-token claims only (xms_cc, acrs), which oidc-provider's
    // claimsParameter feature would refuse (it wants id_token or userinfo members): take it as a plain parameter.
    extraParams: {
      claims(_ctx, value) {
        if (value !== undefined && accessTokenClaimsOf(String(value)) === undefined) {
          throw new errors.InvalidRequest(AADSTS.invalidClaims);
        }
      },
    },
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
    extraTokenClaims(ctx, token) {
      if (token.kind !== "AccessToken") return undefined;
      const api = apiFor(token.resourceServer?.audience);
      const person = token.accountId ? findSignInPersonByOid(token.accountId) : undefined;
      if (!api || !person) return undefined;
      // The token gate decided this request's API, scopes and claims; without a decision (no form body), grant what
      // the token names and is consented, never more.
      const decided = tokenDecisionFor(ctx.req);
      const consented = records.consent.consentedTo(person, api);
      const fallback = explicitEntries(splitScopes(token.scope), api).filter((s) => consented.includes(s));
      const grant = decided?.api === api ? decided.grant : { scopes: fallback.map(api.scpName), cp1: false, authContexts: [] };
      return accessTokenClaims(person, grant, token.clientId ?? DEMO_CLIENT_ID);
    },
    formats: {
      customizers: {
        // Entra access tokens carry `scp` and `azp`, not RFC 9068's `scope` and `client_id`.
        jwt(_ctx, token, parts) {
          if (!apiFor(token.resourceServer?.audience)) return;
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
        // MSAL never sends `resource=`: like Entra, the audience follows from the requested scopes. A sign-in naming
        // any API's scope is granted every API, so that its code and refresh token are multi-resource, as Entra's
        // refresh tokens are; each token request then picks one (oneOf): the API the token gate decided on.
        defaultResource(ctx, _client, oneOf) {
          if (!oneOf) return requestedApis(ctx, apis).length ? apis.all.map((api) => api.resource) : undefined;
          const decided = tokenDecisionFor(ctx.req)?.api ?? requestedApis(ctx, apis)[0] ?? apis.graph;
          return oneOf.includes(decided.resource) ? decided.resource : oneOf;
        },
        // Token requests (code and refresh) carry no `resource=`: reuse the ones granted at /auth.
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, resource) {
          const api = apiFor(resource);
          if (!api) throw new errors.InvalidTarget();
          return {
            scope: api.accepted.join(" "),
            audience: api.resource,
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
    // Runs on every /auth (and resume) once the person is known, after oidc-provider has read the request's claims
    // and before it creates the code: the place to attach /auth's access-token claims to that code.
    loadExistingGrant: (ctx) => {
      rememberAuthClaims(ctx);
      return autoConsentGrant(ctx, apis);
    },
    // oidc-provider drops `offline_access` unless prompt=consent, which MSAL never sends: issue refresh tokens to
    // this client anyway, and don't tie them to the browser session (Entra's aren't either).
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    // Entra does not revoke a refresh token when it is used ("The Microsoft identity platform doesn't revoke old
    // refresh tokens when used to fetch new access tokens", refresh-tokens docs); oidc-provider's rotation would, and
    // would revoke the whole grant when an old one came back (another tab, a restored browser profile). Not rotating
    // keeps every refresh token valid until it expires, as with Entra.
    rotateRefreshToken: () => false,
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

  // Token responses as Entra's: `scope` lists the granted permissions of the token's API (MSAL caches the access
  // token under them; Graph's as short names, ARM's fully qualified), and `client_info` (base64url {uid, utid}) lets
  // MSAL form homeAccountId `<oid>.<tid>`.
  provider.use(async (koaCtx, next) => {
    await next();
    const ctx = koaCtx as unknown as KoaContextWithOIDC;
    if (ctx.oidc?.route !== "token" || ctx.status !== 200) return;
    const body = ctx.body as Record<string, unknown> | undefined;
    const accountId = ctx.oidc.account?.accountId;
    const person = accountId ? findSignInPersonByOid(accountId) : undefined;
    if (!person || typeof body !== "object" || body === null) return;
    const decision = tokenDecisionFor(ctx.req);
    const notAnApi = (s: string) => !apis.all.some((api) => isScopeOf(api, s));
    const scope =
      decision && typeof body.scope === "string"
        ? [...decision.entries, ...splitScopes(body.scope).filter(notAnApi)].join(" ")
        : body.scope;
    ctx.body = { ...body, scope, client_info: clientInfo(person.oid, homeTenantId(person)) };
  });

  return provider;
}

/** The APIs the request's `scope` parameter names (Graph first). */
function requestedApis(ctx: KoaContextWithOIDC, apis: ResourceApis): ResourceApi[] {
  const scope = ctx.oidc.params?.scope;
  return apisNamedBy(apis.all, splitScopes(typeof scope === "string" ? scope : undefined));
}

/**
 * oidc-provider stores `ctx.oidc.claims` with the authorization code. Its claims parameter support only knows
 * id_token and userinfo members, so the `access_token` member of /auth's `claims` (CP1, auth contexts) is put there
 * by hand; the token gate reads it back when the code is redeemed.
 */
function rememberAuthClaims(ctx: KoaContextWithOIDC): void {
  const claims = ctx.oidc.params?.claims;
  const accessToken = accessTokenClaimsOf(typeof claims === "string" ? claims : undefined);
  if (accessToken && Object.keys(accessToken).length) {
    (ctx.oidc.claims as Record<string, unknown>).access_token = accessToken;
  }
}

/**
 * oidc-provider's own grant holds every requested OpenID scope and claim and every requested Graph or ARM scope
 * string, so its consent prompt never stops a sign-in. What the person really consented to lives in the consent records:
 * the interaction policy asks for consent where Entra would, and the token gate decides each token's scopes.
 */
async function autoConsentGrant(ctx: KoaContextWithOIDC, apis: ResourceApis) {
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
  for (const api of apis.all) {
    if (!ctx.oidc.resourceServers?.[api.resource]) continue;
    const scopes = [...ctx.oidc.requestParamScopes].filter((s) => api.accepted.includes(s));
    if (scopes.length) grant.addResourceScope(api.resource, scopes);
  }
  await grant.save();
  return grant;
}

interface RequestHandlerSettings {
  provider: Provider;
  appOrigin: string;
  redirectUris: string[];
  records: Records;
  apis: ResourceApis;
  log: (line: string) => void;
}

function createRequestHandler({ provider, appOrigin, redirectUris, records, apis, log }: RequestHandlerSettings): http.RequestListener {
  const callback = provider.callback();
  const settings = { provider, ...records, apis, clientName: CLIENT_NAME };

  async function route(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (pathname === "/health" && (req.method === "GET" || req.method === "HEAD")) {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : JSON.stringify({ status: "ok" }));
      return;
    }
    if (pathname.startsWith(CONTROL_PREFIX)) {
      await handleControlRequest(req, res, pathname, { ...records, apis });
      return;
    }

    const interaction = /^\/interaction\/([\w-]+)$/.exec(pathname);
    if (interaction?.[1]) {
      await handleInteraction(req, res, interaction[1], settings);
      return;
    }
    const adminConsent = ADMIN_CONSENT_PATH.exec(pathname);
    if (adminConsent?.[1]) {
      await handleAdminConsent(req, res, adminConsent[1], { ...settings, clientId: DEMO_CLIENT_ID, redirectUris });
      return;
    }

    if (pathname === "/session/end" && req.method === "GET") defaultLogoutClient(req);
    if (pathname === "/token" && req.method === "POST" && isFormRequest(req)) {
      const params = new URLSearchParams(await readBody(req));
      const refusal = await gateTokenRequest(req, params, settings);
      if (refusal) {
        // Answered from the browser (MSAL): without CORS headers the app could not read why.
        const origin = req.headers.origin;
        sendJson(res, 400, refusal, origin === appOrigin ? { "access-control-allow-origin": origin, vary: "Origin" } : {});
        return;
      }
      prepareTokenRequest(req, params);
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

/**
 * On refresh_token grants MSAL re-sends the scopes it wants, `offline_access` among them, but refresh tokens are
 * issued without it (see issueRefreshToken) and oidc-provider would answer "refresh token missing requested
 * scope": the scope parameter is dropped once the token gate has read it (the gate decides the token's scopes),
 * so the refresh covers the whole grant. The body is handed over as `req.body`, which oidc-provider reads when the
 * stream was already consumed (it prints a one-time notice about an "upstream middleware parser" the first time;
 * that is this shim).
 */
function prepareTokenRequest(req: http.IncomingMessage & { body?: unknown }, params: URLSearchParams): void {
  const forwarded = new URLSearchParams(params);
  if (forwarded.get("grant_type") === "refresh_token") forwarded.delete("scope");
  const body: Record<string, string | string[]> = {};
  for (const key of new Set(forwarded.keys())) {
    const values = forwarded.getAll(key);
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
