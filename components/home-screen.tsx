"use client";

import { InteractionStatus } from "@azure/msal-browser";
import { useIsAuthenticated, useMsal } from "@azure/msal-react";
import type { CategorySummary } from "@/lib/requests/pending-request";
import { AppHeader } from "./app-header";
import { Dashboard } from "./dashboard";
import { SignedOutLanding } from "./signed-out-landing";

export function HomeScreen({ categories }: { categories: CategorySummary[] }) {
  const isAuthenticated = useIsAuthenticated();
  const { inProgress } = useMsal();

  if (!isAuthenticated && inProgress !== InteractionStatus.None) {
    return (
      <main className="flex min-h-screen items-center justify-center" aria-busy="true">
        <p className="text-slate-700">Checking your sign-in…</p>
      </main>
    );
  }
  if (!isAuthenticated) return <SignedOutLanding />;
  return (
    <>
      <AppHeader />
      <Dashboard categories={categories} />
    </>
  );
}
