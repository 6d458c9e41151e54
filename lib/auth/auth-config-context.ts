"use client";

import { createContext, useContext } from "react";
import type { PublicAuthConfig } from "./auth-config-types";

export const AuthConfigContext = createContext<PublicAuthConfig | null>(null);

export function useAuthConfig(): PublicAuthConfig {
  const config = useContext(AuthConfigContext);
  if (!config) throw new Error("useAuthConfig must be used inside <Providers>.");
  return config;
}
