"use client";

import { MsalProvider } from "@azure/msal-react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import type { PublicAuthConfig } from "@/lib/auth/auth-config-types";
import { createMsalInstance } from "@/lib/auth/create-msal-instance";
import { AuthConfigContext } from "@/lib/auth/auth-config-context";
import { AppError } from "@/lib/errors/app-error";

// MsalProvider outside QueryClientProvider: queries need a token, never the other way round.
export function Providers({ authConfig, children }: { authConfig: PublicAuthConfig; children: ReactNode }) {
  const [msal] = useState(() => createMsalInstance(authConfig));
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 30_000,
            refetchOnWindowFocus: false,
            // The server already retried throttling; a refusal (4xx) will not change by asking again.
            retry: (failureCount, error) =>
              failureCount < 1 && !(error instanceof AppError && error.status < 500 && error.status !== 429),
          },
        },
      }),
  );
  return (
    <AuthConfigContext value={authConfig}>
      <MsalProvider instance={msal}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </MsalProvider>
    </AuthConfigContext>
  );
}
