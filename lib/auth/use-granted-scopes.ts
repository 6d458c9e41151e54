"use client";

import { useMsal } from "@azure/msal-react";
import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";
import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { PublicAuthConfig } from "./auth-config-types";
import { useAuthConfig } from "./auth-config-context";
import { grantedScopesFor } from "./granted-scopes-store";
import { grantedGraphPermissions } from "./graph-scopes";
import { discoverGrantedScopes } from "./graph-tokens";
import { useSignedInAccount } from "./use-signed-in-account";

export const grantedScopesKey = (homeAccountId: string) => ["granted-scopes", homeAccountId] as const;

/**
 * The Graph permissions the tenant actually granted this app for the signed-in user, as Entra's `.default` token
 * answer lists them (never read out of a token). Compared with what each category needs, it tells "not consented"
 * apart from "no role". Undefined until known.
 */
export function useGrantedScopes(): ReadonlySet<string> | undefined {
  const { instance } = useMsal();
  const config = useAuthConfig();
  const account = useSignedInAccount();
  const { data } = useQuery(grantedScopesOptions(instance, config, account));
  return data ? new Set(data) : undefined;
}

/** Asks Entra again, past MSAL's cache: after an administrator granted consent, the new permissions show at once. */
export function useRefreshGrantedScopes(): () => Promise<void> {
  const { instance } = useMsal();
  const config = useAuthConfig();
  const account = useSignedInAccount();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    if (!account) return;
    const granted = await discoverGrantedScopes(instance, config, account, true);
    queryClient.setQueryData(grantedScopesKey(account.homeAccountId), granted);
  }, [instance, config, account, queryClient]);
}

function grantedScopesOptions(instance: IPublicClientApplication, config: PublicAuthConfig, account: AccountInfo | undefined) {
  // The instance and configuration are the same objects for the page's life; the account is the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: grantedScopesKey(account?.homeAccountId ?? "none"),
    enabled: !!account,
    // What the last visit learned, shown while Entra is asked again: remembered data counts as old, so every visit
    // asks (an administrator may have granted or taken back a permission since).
    initialData: () => {
      const remembered = account ? grantedScopesFor(account.homeAccountId) : null;
      return remembered ? grantedGraphPermissions(remembered, config) : undefined;
    },
    initialDataUpdatedAt: 0,
    staleTime: 5 * 60_000,
    queryFn: () => discoverGrantedScopes(instance, config, account!, false),
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
