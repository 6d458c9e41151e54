"use client";

import type { RequestView } from "@/lib/requests/pending-request";

const LABELS: Record<RequestView, string> = { mine: "My requests", all: "All requests" };

/** A two-way switch; "All requests" is absent when Graph does not let this user list everyone's requests. */
export function ViewSwitch({
  view,
  onChange,
  canListAll,
}: {
  view: RequestView;
  onChange: (view: RequestView) => void;
  canListAll: boolean;
}) {
  const views: RequestView[] = canListAll ? ["mine", "all"] : ["mine"];
  return (
    <div role="group" aria-label="Whose requests" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
      {views.map((v) => (
        <button
          key={v}
          type="button"
          aria-pressed={view === v}
          onClick={() => onChange(v)}
          className={`rounded px-3 py-1.5 text-sm font-medium ${
            view === v ? "bg-blue-700 text-white" : "text-slate-800 hover:bg-slate-100"
          }`}
        >
          {LABELS[v]}
        </button>
      ))}
    </div>
  );
}
