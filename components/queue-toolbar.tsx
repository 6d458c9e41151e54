"use client";

import { useState } from "react";
import { AGE_CHOICES, type QueueQuery } from "@/lib/queue/queue-query";
import { STAGE_LABELS } from "@/lib/requests/stage-labels";
import { useSlashToFocus } from "./use-slash-to-focus";

const AGES = AGE_CHOICES.map((days) => ({ value: days, label: days === 0 ? "Any age" : `Older than ${days} day${days === 1 ? "" : "s"}` }));

/** Search and filters; every change lands in the URL at once. */
export function QueueToolbar({
  query,
  onChange,
  closedCount,
}: {
  query: QueueQuery;
  onChange: (patch: Partial<QueueQuery>) => void;
  closedCount: number;
}) {
  // The box keeps its own text, seeded from the URL; each keystroke also goes to the query (URL and table).
  const [search, setSearch] = useState(query.q);
  const searchBox = useSlashToFocus<HTMLInputElement>();
  const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex min-w-64 flex-1 flex-col gap-1 font-medium text-slate-800">
        Search requests
        <input
          ref={searchBox}
          type="search"
          value={search}
          placeholder="Name, role, group, ticket…"
          onChange={(e) => {
            setSearch(e.target.value);
            onChange({ q: e.target.value });
          }}
          className={field}
        />
      </label>
      <label className="flex flex-col gap-1 font-medium text-slate-800">
        State
        <select value={query.stage} onChange={(e) => onChange({ stage: e.target.value as QueueQuery["stage"] })} className={field}>
          <option value="any">Any state</option>
          {Object.entries(STAGE_LABELS).map(([stage, label]) => (
            <option key={stage} value={stage}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 font-medium text-slate-800">
        Principal
        <input value={query.principal} onChange={(e) => onChange({ principal: e.target.value })} placeholder="Who" className={`${field} w-36`} />
      </label>
      <label className="flex flex-col gap-1 font-medium text-slate-800">
        Target
        <input value={query.target} onChange={(e) => onChange({ target: e.target.value })} placeholder="Group, role, package" className={`${field} w-40`} />
      </label>
      <label className="flex flex-col gap-1 font-medium text-slate-800">
        Age
        <select value={query.age} onChange={(e) => onChange({ age: Number(e.target.value) })} className={field}>
          {AGES.map((age) => (
            <option key={age.value} value={age.value}>
              {age.label}
            </option>
          ))}
        </select>
      </label>
      <div className="flex flex-col gap-1 pb-1 text-slate-800">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={query.closed === "1"} onChange={(e) => onChange({ closed: e.target.checked ? "1" : "0" })} className="size-4" />
          Show closed requests ({closedCount})
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={query.raw === "1"} onChange={(e) => onChange({ raw: e.target.checked ? "1" : "0" })} className="size-4" />
          Show service status
        </label>
      </div>
    </div>
  );
}
