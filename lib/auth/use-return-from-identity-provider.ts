"use client";

import { InteractionStatus } from "@azure/msal-browser";
import { useMsal } from "@azure/msal-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { accessKeys } from "@/lib/queries/access-queries";
import { requestKeys } from "@/lib/queries/request-queries";
import { takeConsentOutcome, type ConsentOutcome } from "./consent-return";
import { takeFailure, takeResumeAction, type InteractiveFailure } from "./interactive-attempts";
import type { ResumeAction } from "./token-request";
import { useRefreshGrantedScopes } from "./use-granted-scopes";

/**
 * Once per page load, what a trip to the identity provider left behind: an admin consent just granted (the new
 * permissions are fetched and every category asked again, without signing out), an attempt that came back with an
 * error (shown once, never retried by itself), or the action a claims challenge interrupted (handed to `onResume`
 * once).
 */
export function useReturnFromIdentityProvider(onResume: (action: ResumeAction) => void) {
  const { inProgress } = useMsal();
  const queryClient = useQueryClient();
  const refreshGranted = useRefreshGrantedScopes();
  const [consent, setConsent] = useState<ConsentOutcome | null>(null);
  const [failure, setFailure] = useState<InteractiveFailure | null>(null);
  const handled = useRef(false);
  // The latest handler when the effect runs, without the effect re-running for each new handler.
  const resume = useEffectEvent(onResume);

  useEffect(() => {
    // Only once MSAL has finished reading the answer it came back with (its token, or its error) into storage.
    if (handled.current || inProgress !== InteractionStatus.None) return;
    handled.current = true;
    const outcome = takeConsentOutcome();
    setFailure(takeFailure());
    setConsent(outcome);
    if (outcome?.granted) {
      void refreshGranted()
        .catch(() => undefined)
        .then(() => Promise.all([queryClient.invalidateQueries({ queryKey: accessKeys.all }), queryClient.invalidateQueries({ queryKey: requestKeys.all })]));
    }
    const action = takeResumeAction();
    if (action) resume(action);
  }, [inProgress, queryClient, refreshGranted]);

  return { consent, failure, dismissConsent: () => setConsent(null), dismissFailure: () => setFailure(null) };
}
