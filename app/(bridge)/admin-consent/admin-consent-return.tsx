"use client";

import { useEffect } from "react";
import { settleConsentAnswer } from "@/lib/auth/consent-trip";

export function AdminConsentReturn() {
  useEffect(() => {
    window.location.replace(settleConsentAnswer(new URLSearchParams(window.location.search)));
  }, []);
  return (
    <main className="flex min-h-screen items-center justify-center">
      <p className="text-slate-700">Returning to Request Desk…</p>
    </main>
  );
}
