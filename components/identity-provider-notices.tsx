"use client";

import type { ConsentOutcome } from "@/lib/auth/consent-return";
import type { InteractiveFailure } from "@/lib/auth/interactive-attempts";
import { DismissButton } from "./dismiss-button";
import { Notice } from "./notice";

/** What came back from the identity provider: consent granted or refused, or a sign-in step that failed. */
export function IdentityProviderNotices({
  consent,
  failure,
  onDismissConsent,
  onDismissFailure,
}: {
  consent: ConsentOutcome | null;
  failure: InteractiveFailure | null;
  onDismissConsent: () => void;
  onDismissFailure: () => void;
}) {
  return (
    <>
      {consent && (
        <Notice
          tone={consent.granted ? "success" : "error"}
          role={consent.granted ? "status" : "alert"}
          title={consent.granted ? "Admin consent granted" : "Admin consent was not granted"}
          action={<DismissButton what="the admin consent message" onClick={onDismissConsent} />}
        >
          {consent.granted
            ? `Request Desk may now use ${consent.permissions.join(", ")} for everyone in your organisation. The categories that needed it are loading.`
            : `${describe(consent.error ?? "", consent.description ?? "")} Nothing was changed.`}
        </Notice>
      )}
      {failure && (
        <Notice
          tone="error"
          role="alert"
          title={TITLES[failure.purpose]}
          action={<DismissButton what="the sign-in message" onClick={onDismissFailure} />}
        >
          {describe(failure.error, failure.description)} {NEXT_STEP[failure.purpose]}
          {failure.purpose === "consent" && failure.subject && (
            <span className="mt-1 block">
              Permissions asked for: <code className="font-mono">{permissionNames(failure.subject)}</code>
            </span>
          )}
          {traceOf(failure.description) && <span className="mt-1 block text-xs">For your administrator: {traceOf(failure.description)}</span>}
        </Notice>
      )}
    </>
  );
}

const TITLES: Record<InteractiveFailure["purpose"], string> = {
  consent: "The permission was not granted",
  claims: "Your identity could not be verified",
  "sign-in": "Signing in again did not work",
  unknown: "Microsoft Entra ID returned an error",
};

const NEXT_STEP: Record<InteractiveFailure["purpose"], string> = {
  consent: "Only a Global Administrator or Privileged Role Administrator can grant it for your organisation: ask one to grant it to Request Desk. Everything else keeps working.",
  claims: "What you were doing was not sent. Try it again, and if this happens again, contact your administrator.",
  "sign-in": "Sign out and sign in again.",
  unknown: "Try again, or sign out and sign in again.",
};

/** Entra's own words first (its AADSTS code tells an administrator exactly what happened), in a sentence. */
function describe(error: string, description: string): string {
  if (/AADSTS90094|admin(istrator)? (permission|approval)/i.test(description) || error === "consent_required") {
    return `Microsoft Entra ID says this permission needs an administrator's approval (${firstLine(description) || error}).`;
  }
  if (error === "access_denied") return `The request was declined (${firstLine(description) || error}).`;
  return `Microsoft Entra ID answered: ${firstLine(description) || error}.`;
}

/** Entra's sentence, without the trace and correlation ids it appends (shown apart, for support). */
function firstLine(text: string): string {
  return (text.split(/\r?\n/)[0] ?? "").split(/\s+Trace ID:/)[0]!.trim().replace(/\.$/, "");
}

/** "Trace ID: … Correlation ID: … Timestamp: …", what Microsoft support asks for, when Entra gave it. */
function traceOf(description: string): string | null {
  const match = /Trace ID:.*$/m.exec(description);
  return match ? match[0].trim() : null;
}

/** The permissions as asked (qualified with the Graph resource) by their names. */
function permissionNames(scopes: string): string {
  return scopes
    .split(" ")
    .map((scope) => scope.slice(scope.lastIndexOf("/") + 1))
    .join(", ");
}
