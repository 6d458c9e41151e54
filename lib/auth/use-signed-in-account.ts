"use client";

import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";
import { useMsal } from "@azure/msal-react";

/** The account this tab is signed in with: MSAL's active account, or the only one it knows. */
export function signedInAccount(instance: IPublicClientApplication): AccountInfo | undefined {
  return instance.getActiveAccount() ?? instance.getAllAccounts()[0];
}

export function useSignedInAccount(): AccountInfo | undefined {
  const { instance } = useMsal();
  return signedInAccount(instance);
}
