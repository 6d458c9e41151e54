"use client";

import { useState } from "react";

/**
 * What an admin hands to their operations team or Microsoft support about a failure: the upstream's request id
 * (found in Request Desk's log line and in Graph's or ARM's own records) and when it happened, copied in one click.
 */
export function SupportReference({ requestId, time }: { requestId?: string; time?: string }) {
  const [copied, setCopied] = useState(false);
  if (!requestId && !time) return null;
  const when = time ? new Date(time) : undefined;
  const text = [requestId ? `request-id: ${requestId}` : undefined, time ? `time: ${time}` : undefined].filter(Boolean).join("\n");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      // No clipboard permission (an insecure origin, a locked-down browser): the text stays selectable on screen.
      setCopied(false);
    }
  };
  return (
    <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs" data-testid="support-reference">
      {requestId && (
        <span>
          Request ID <code className="select-all font-mono">{requestId}</code>
        </span>
      )}
      {when && <time dateTime={time}>{when.toLocaleString()}</time>}
      <button
        type="button"
        onClick={copy}
        className="rounded border border-current px-1.5 py-0.5 font-medium"
        aria-label={copied ? "Copied support details" : "Copy support details"}
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </p>
  );
}
