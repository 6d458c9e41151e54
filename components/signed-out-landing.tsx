"use client";

import { useMsal } from "@azure/msal-react";
import { useState } from "react";
import { useAuthConfig } from "@/lib/auth/auth-config-context";
import { takeFailure } from "@/lib/auth/interactive-attempts";
import { IdentityProviderNotices } from "./lazy-notices";

export function SignedOutLanding() {
  const { instance } = useMsal();
  const { loginScopes } = useAuthConfig();
  const [error, setError] = useState<string | null>(null);
  // A sign-in that came back with an error (the tenant refused the app, the user declined): shown once, here.
  const [failure, setFailure] = useState(() => (typeof window === "undefined" ? null : takeFailure()));

  const signIn = () => {
    setError(null);
    instance.loginRedirect({ scopes: loginScopes }).catch(() => setError("Sign-in could not start. Check that the identity provider is reachable and try again."));
  };

  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-blue-700">Request Desk</p>
      <h1 className="mt-2 text-4xl font-semibold tracking-tight text-slate-900">Every pending access request, one queue.</h1>
      <p className="mt-4 text-lg text-slate-700">
        Review privileged-access and access-package requests across Privileged Identity Management (Microsoft Entra
        roles, groups and Azure resources) and entitlement management, and cancel the ones that should not go ahead. Administrators see everyone&apos;s requests; everyone else sees and
        cancels their own.
      </p>
      <div className="mt-8 flex items-center gap-4">
        <button
          type="button"
          onClick={signIn}
          className="rounded-md bg-blue-700 px-5 py-2.5 text-base font-semibold text-white shadow-sm hover:bg-blue-800"
        >
          Sign in
        </button>
        <span className="text-sm text-slate-600">with your Microsoft Entra ID work account</span>
      </div>
      {failure && (
        <div className="mt-6">
          <IdentityProviderNotices consent={null} failure={failure} onDismissConsent={() => undefined} onDismissFailure={() => setFailure(null)} />
        </div>
      )}
      {error && (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          {error}
        </p>
      )}
    </main>
  );
}
