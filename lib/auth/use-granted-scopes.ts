"use client";

import { useMsal } from "@azure/msal-react";
import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useAuthConfig } from "./auth-config-context";
import { grantedScopesFor } from "./granted-scopes-store";
import { useSignedInAccount } from "./use-signed-in-account";

/**
 * The Graph permissions the tenant actually granted this app for the signed-in user, as the token response
 * reports them. Compared with what each category needs, it tells "not consented" apart from "no role".
 */
export function useGrantedScopes(): ReadonlySet<string> | undefined {
  const { instance } = useMsal();
  const { scopes } = useAuthConfig();
  const account = useSignedInAccount();
  const { data } = useQuery(grantedScopesOptions(instance, account, scopes));
  return data ? new Set(data) : undefined;
}

function grantedScopesOptions(instance: IPublicClientApplication, account: AccountInfo | undefined, scopes: string[]) {
  // The instance is the same object for the page's life; the account's id and the scopes asked for are the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: ["granted-scopes", account?.homeAccountId ?? "none", scopes],
    enabled: !!account,
    staleTime: Infinity,
    queryFn: async () => {
      const result = await instance.acquireTokenSilent({ scopes: (account && grantedScopesFor(account.homeAccountId)) || scopes, account });
      // Entra may answer with fully qualified names (https://graph.microsoft.com/X); compare short names.
      return result.scopes.map((s) => s.replace(/^https:\/\/graph\.microsoft\.com\//i, ""));
    },
  });
}

/**
 * The permission to ask an admin for when none of `needed` (least privileged first) was granted: the least privileged
 * one that is also in `alsoNeededFor` (the cancel permissions), so one consent lets the user list and cancel; a
 * read-only permission would make the list appear and every Cancel fail.
 */
export function missingPermission(
  needed: readonly string[],
  granted: ReadonlySet<string> | undefined,
  alsoNeededFor: readonly string[] = [],
): string | null {
  if (!granted || needed.length === 0) return null;
  const lower = new Set([...granted].map((s) => s.toLowerCase()));
  if (needed.some((s) => lower.has(s.toLowerCase()))) return null;
  const both = new Set(alsoNeededFor.map((s) => s.toLowerCase()));
  return needed.find((s) => both.has(s.toLowerCase())) ?? needed[0]!;
}
