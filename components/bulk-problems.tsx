"use client";

import type { ReceiptRow } from "@/lib/bulk/receipt";
import { SupportReference } from "./support-reference";

// Over already, or done: nothing for support to look into.
const SETTLED = new Set(["cancelled", "already_final"]);
const SHOWN = 50;

/**
 * The requests a finished bulk run did not cancel, each with the upstream's request id and time to hand to support;
 * the receipt holds all of them, this list the first fifty.
 */
export function BulkProblems({ rows, labelOf }: { rows: readonly ReceiptRow[]; labelOf: (outcome: string) => string }) {
  const problems = rows.filter((row) => !SETTLED.has(row.outcome));
  if (problems.length === 0) return null;
  return (
    <details className="mt-3" data-testid="bulk-problems">
      <summary className="cursor-pointer font-medium text-slate-900">
        Not cancelled ({problems.length}): reasons and support details
      </summary>
      <ul className="mt-2 space-y-2">
        {problems.slice(0, SHOWN).map((row) => (
          <li key={`${row.category}:${row.id}`} className="rounded border border-slate-200 px-3 py-2" data-request-id={row.id}>
            <p>
              <span className="font-medium">{row.principal}</span> · {row.target}: {labelOf(row.outcome)}
              {row.upstreamCode && <span className="text-slate-700"> ({row.upstreamCode})</span>}
            </p>
            <SupportReference requestId={row.requestId || undefined} time={row.time || undefined} />
          </li>
        ))}
      </ul>
      {problems.length > SHOWN && <p className="mt-2 text-slate-700">{problems.length - SHOWN} more in the receipt.</p>}
    </details>
  );
}
