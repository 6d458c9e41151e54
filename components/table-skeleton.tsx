export function TableSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-busy="true" className="rounded-md border border-slate-200 bg-white p-4">
      <span className="sr-only">{label}…</span>
      <div className="space-y-3" aria-hidden="true">
        {[0, 1, 2].map((row) => (
          <div key={row} className="flex gap-4">
            <div className="h-4 w-1/5 animate-pulse rounded bg-slate-200" />
            <div className="h-4 w-1/4 animate-pulse rounded bg-slate-200" />
            <div className="h-4 w-1/6 animate-pulse rounded bg-slate-200" />
            <div className="h-4 flex-1 animate-pulse rounded bg-slate-200" />
          </div>
        ))}
      </div>
    </div>
  );
}
