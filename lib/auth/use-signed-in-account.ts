"use client";

import type { AccountInfo } from "@azure/msal-browser";
import { useMsal } from "@azure/msal-react";

/** The account this tab is signed in with: MSAL's active account, or the only one it knows. */
export function useSignedInAccount(): AccountInfo | undefined {
  const { instance } = useMsal();
  return instance.getActiveAccount() ?? instance.getAllAccounts()[0];
}
