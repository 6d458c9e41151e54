"use client";

import { useMsal } from "@azure/msal-react";
import { useSignedInAccount } from "@/lib/auth/use-signed-in-account";
import { forgetJournal } from "@/lib/bulk/bulk-journal";
import { forgetAccess } from "@/lib/queries/remembered-access";
import { ThemeToggle } from "./theme-toggle";

export function AppHeader() {
  const { instance } = useMsal();
  const account = useSignedInAccount();

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-screen-2xl items-center justify-between px-6 py-3">
        <p className="text-lg font-semibold text-slate-900">Request Desk</p>
        <div className="flex items-center gap-4">
          <ThemeToggle />
          <div className="text-right text-sm leading-tight">
            <p className="font-medium text-slate-900" data-testid="signed-in-user">{account?.name ?? account?.username}</p>
            <p className="text-slate-600">{account?.username}</p>
          </div>
          <button
            type="button"
            onClick={() => {
              if (account) {
                forgetAccess(account.homeAccountId);
                forgetJournal(account.homeAccountId);
              }
              void instance.logoutRedirect({ account });
            }}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
