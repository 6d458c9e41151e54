"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { useSignedInAccount } from "@/lib/auth/use-signed-in-account";
import { clearJournal, readJournal } from "@/lib/bulk/bulk-journal";

// Almost every visit finds no journal: the notice's code (receipt download, list) is fetched only when one is left.
const InterruptedRunDetails = dynamic(() => import("./interrupted-run-details").then((m) => m.InterruptedRunDetails), { ssr: false });

/** On the next visit after a tab closed mid-run: which requests of that bulk cancel were never confirmed. */
export function InterruptedRunNotice() {
  const accountId = useSignedInAccount()?.homeAccountId;
  const [journal, setJournal] = useState(() => (typeof window === "undefined" || !accountId ? null : readJournal(accountId)));
  if (!journal || !accountId) return null;
  const dismiss = () => {
    clearJournal(accountId);
    setJournal(null);
  };
  return <InterruptedRunDetails journal={journal} dismiss={dismiss} />;
}
