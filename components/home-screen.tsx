"use client";

import { InteractionStatus } from "@azure/msal-browser";
import { useIsAuthenticated, useMsal } from "@azure/msal-react";
import { useRecordRedirectFailures } from "@/lib/auth/use-record-redirect-failures";
import { hasRememberedAccess } from "@/lib/queries/remembered-access";
import type { CategorySummary } from "@/lib/requests/pending-request";
import dynamic from "next/dynamic";
import { AppHeader } from "./app-header";

// The dashboard's libraries (tables, virtualization, dialogs) load only once someone is signed in, so the
// signed-out landing page stays light.
const loadDashboard = () => import("./dashboard");
const Dashboard = dynamic(() => loadDashboard().then((m) => m.Dashboard), {
  loading: () => (
    <p className="mx-auto max-w-screen-2xl px-6 py-8 text-slate-700" aria-busy="true">
      Loading your queue…
    </p>
  ),
});

function CheckingSignIn() {
  return (
    <main className="flex min-h-screen items-center justify-center" aria-busy="true">
      <p className="text-slate-700">Checking your sign-in…</p>
    </main>
  );
}

// The landing page is for people who are not signed in: a returning admin's first load does not carry it (B1). It
// is fetched when shown, not ahead: a visitor whose probe answer is not remembered yet may well be signed in, and
// the landing's 1.6 KiB arrive while MSAL is still starting up for one who is not.
const SignedOutLanding = dynamic(() => import("./signed-out-landing").then((m) => m.SignedOutLanding), { loading: CheckingSignIn });

// Someone who signed in here before and did not sign out is most likely still signed in: their dashboard's code is
// fetched while MSAL starts up, not after. Only code; nothing is shown before MSAL says who is signed in.
if (typeof window !== "undefined" && hasRememberedAccess()) void loadDashboard();

export function HomeScreen({ categories }: { categories: CategorySummary[] }) {
  useRecordRedirectFailures();
  const isAuthenticated = useIsAuthenticated();
  const { inProgress } = useMsal();

  if (!isAuthenticated && inProgress !== InteractionStatus.None) return <CheckingSignIn />;
  if (!isAuthenticated) return <SignedOutLanding />;
  return (
    <>
      <AppHeader />
      <Dashboard categories={categories} />
    </>
  );
}
