// When /auth stops for a person, on top of oidc-provider's login and consent prompts: `select_account` (the
// sign-in page again), `step_up` (the claims ask for an authentication context the person has not satisfied) and a
// consent check for Graph or ARM permissions that are not consented for the person. With prompt=none these fail the
// request instead: interaction_required (AADSTS50076) and consent_required (AADSTS65001), as Entra answers.

import { interactionPolicy, type KoaContextWithOIDC } from "oidc-provider";

import type { DemoPerson } from "../demo-tenant";
import { accessTokenClaimsOf, readClaimsRequest } from "./claims-request";
import { findSignInPersonByOid, splitScopes } from "./claims";
import type { ConsentRecords } from "./consent-records";
import { AADSTS } from "./entra-errors";
import type { ResourceApis } from "./resource-apis";
import { unconsentedEntries } from "./scope-grant";
import type { StepUpRecords } from "./step-up-records";

const { Check, Prompt, base } = interactionPolicy;

export const STEP_UP_PROMPT = "step_up";
/** The reason on oidc-provider's consent prompt when Graph or ARM permissions lack consent (see interactions.ts). */
export const GRAPH_CONSENT_REASON = "graph_consent_missing";

export interface PolicySettings {
  consent: ConsentRecords;
  stepUp: StepUpRecords;
  apis: ResourceApis;
  clientId: string;
  clientName: string;
}

function signedInPerson(ctx: KoaContextWithOIDC) {
  const accountId = ctx.oidc.session?.accountId;
  return accountId ? findSignInPersonByOid(accountId) : undefined;
}

/** The authentication contexts the request's claims ask for that the signed-in person has not satisfied. */
export function missingAuthContexts(claimsParameter: unknown, oid: string, stepUp: StepUpRecords): string[] {
  const asked = accessTokenClaimsOf(typeof claimsParameter === "string" ? claimsParameter : undefined) ?? {};
  return stepUp.missingFor(oid, readClaimsRequest(asked).authContexts);
}

/** The consent entries a request's scopes name, of every API, that the person holds no consent for. */
export function missingConsent(scope: unknown, person: DemoPerson, consent: ConsentRecords, apis: ResourceApis): string[] {
  const requested = splitScopes(typeof scope === "string" ? scope : undefined);
  return apis.all.flatMap((api) => unconsentedEntries(requested, consent.consentedTo(person, api), api));
}

export function createInteractionPolicy({ consent, stepUp, apis, clientId, clientName }: PolicySettings) {
  const policy = base();
  // Entra shows an account picker for prompt=select_account; here it is the sign-in page.
  policy.add(new Prompt({ name: "select_account", requestable: true }), 0);

  const stepUpPrompt = new Prompt(
    { name: STEP_UP_PROMPT, requestable: false },
    new Check("auth_context_required", AADSTS.mfaRequired, "interaction_required", (ctx) => {
      const person = signedInPerson(ctx);
      return Boolean(person && missingAuthContexts(ctx.oidc.params?.claims, person.oid, stepUp).length);
    }),
  );
  // After sign-in, before consent: Entra asks for the second factor before it asks for consent.
  const loginIndex = policy.findIndex((p) => p.name === "login");
  policy.add(stepUpPrompt, loginIndex + 1);

  policy.get("consent")?.checks.add(
    new Check(GRAPH_CONSENT_REASON, AADSTS.consentRequired(clientId, clientName), "consent_required", (ctx) => {
      const person = signedInPerson(ctx);
      return Boolean(person && missingConsent(ctx.oidc.params?.scope, person, consent, apis).length);
    }),
  );
  return policy;
}
