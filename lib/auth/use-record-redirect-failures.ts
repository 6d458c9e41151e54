"use client";

import { AuthError, EventType } from "@azure/msal-browser";
import { useMsal } from "@azure/msal-react";
import { useEffect } from "react";
import { recordFailure } from "./interactive-attempts";

/**
 * Keeps a redirect that came back with an error (consent refused, step-up abandoned) for the page to show once; it is
 * never retried by itself. Registered by the page rather than with the MSAL instance so that this code ships with
 * the page alone: a child's effect runs before MsalProvider's, which is where MSAL reads the redirect's answer.
 */
export function useRecordRedirectFailures(): void {
  const { instance } = useMsal();
  useEffect(() => {
    const id = instance.addEventCallback((event) => {
      if (event.eventType === EventType.ACQUIRE_TOKEN_FAILURE && event.interactionType === "redirect" && event.error instanceof AuthError) {
        recordFailure(event.error.errorCode, event.error.errorMessage);
      }
    });
    return () => {
      if (id) instance.removeEventCallback(id);
    };
  }, [instance]);
}
