"use client";

import { useState } from "react";
import { useConsentActions } from "@/lib/auth/use-consent-actions";
import type { AppError } from "@/lib/errors/app-error";
import { DelegatedPermissions, PermissionNames } from "./permission-names";

/** Whether the signed-in user may grant tenant-wide consent: from their roles as Graph reported them; null if unknown. */
export type ConsentRole = boolean | null;

/**
 * What to do about a Graph or ARM permission the tenant has not granted this app. An administrator who can grant it gets
 * the admin-consent link and comes back with it granted; anyone else is told exactly which permission to ask for
 * and may ask through Entra. When Graph would not say who the user is, both are offered, each saying who it is for.
 */
export function GrantConsentSteps({ permissions, canGrant }: { permissions: readonly string[]; canGrant: ConsentRole }) {
  const { adminConsentHref, rememberConsentRequest, requestConsent } = useConsentActions();
  // The state ties the administrator's return to this request; made once per notice.
  const [state] = useState(() => crypto.randomUUID());
  const [requestError, setRequestError] = useState<string | null>(null);
  const one = permissions.length === 1;
  const code = <PermissionNames permissions={permissions} />;
  return (
    <div className="mt-1 space-y-2" data-consent-permissions={permissions.join(" ")}>
      <p>
        Request Desk has not been granted <DelegatedPermissions permissions={permissions} /> in your organisation.
      </p>
      {canGrant !== false && (
        <p>
          {canGrant === null && "If you are a Global Administrator or Privileged Role Administrator: "}
          <a
            href={adminConsentHref(permissions, state)}
            onClick={() => rememberConsentRequest(state, permissions)}
            className="font-semibold underline underline-offset-2"
          >
            Grant admin consent for your organisation
          </a>{" "}
          (Microsoft Entra asks you to confirm, then brings you back here).
        </p>
      )}
      {canGrant !== true && (
        <div>
          <p>
            {canGrant === null ? "Otherwise, ask" : `Only a Global Administrator or Privileged Role Administrator can grant ${one ? "it" : "them"}. Ask`} one of them to grant{" "}
            {one ? code : "these permissions"} to Request Desk (Microsoft Entra admin center → Enterprise applications → Request Desk → Permissions →
            Grant admin consent).
          </p>
          <button
            type="button"
            onClick={() => requestConsent(permissions).catch((error: AppError) => setRequestError(error.message))}
            className="mt-1 rounded-md border border-current px-3 py-1 font-medium"
          >
            Request it through Microsoft Entra
          </button>
          {requestError && <p className="mt-1">{requestError}</p>}
        </div>
      )}
    </div>
  );
}
