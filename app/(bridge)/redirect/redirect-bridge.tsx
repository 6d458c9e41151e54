"use client";

import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";
import { useEffect, useState } from "react";

export function RedirectBridge() {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    broadcastResponseToMainFrame().catch(() => setFailed(true));
  }, []);
  return <p className="p-4 text-sm text-slate-700">{failed ? "Sign-in could not be completed in this window." : "Completing sign-in…"}</p>;
}
