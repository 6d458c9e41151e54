"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { formatAbsolute, formatRelative } from "@/lib/requests/format-dates";
import type { CategorySummary, PendingRequest } from "@/lib/requests/pending-request";
import { STAGE_LABELS } from "@/lib/requests/stage-labels";
import { StatusBadge } from "./status-badge";

export interface ColumnActions {
  categories: ReadonlyMap<string, CategorySummary>;
  showRawStatus: boolean;
  onCancel: (request: PendingRequest) => void;
  onDetails: (request: PendingRequest) => void;
}

/**
 * Width of each column, and where it shows. Below 1400 px (a laptop, or a window beside another) the category column
 * goes (the target's second line and the filter chips already say it) and the justification moves under the
 * target, so the table fits and Cancel is on screen without scrolling sideways.
 */
type ColumnId = "select" | "principal" | "target" | "category" | "status" | "created" | "justification" | "actions";

export const COLUMN_LAYOUT: Record<string, { col: string; cell?: string }> = {
  select: { col: "w-10" },
  principal: { col: "w-40" },
  target: { col: "w-56" },
  category: { col: "hidden w-36 min-[1400px]:table-column", cell: "hidden min-[1400px]:table-cell" },
  status: { col: "w-48" },
  created: { col: "w-28" },
  justification: { col: "hidden min-[1400px]:table-column", cell: "hidden min-[1400px]:table-cell" },
  actions: { col: "w-44" },
} satisfies Record<ColumnId, { col: string; cell?: string }>;

/** The queue's columns. Sorting ids match the URL's `sort` values. */
export function queueColumns({ categories, showRawStatus, onCancel, onDetails }: ColumnActions): ColumnDef<PendingRequest>[] {
  return [
    {
      id: "select",
      enableSorting: false,
      header: ({ table }) => (
        <input
          type="checkbox"
          className="size-4"
          aria-label="Select every request matching the filter"
          checked={table.getIsAllRowsSelected()}
          ref={(el) => {
            if (el) el.indeterminate = table.getIsSomeRowsSelected();
          }}
          onChange={table.getToggleAllRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          className="size-4"
          aria-label={`Select ${row.original.principal.displayName}'s request for ${row.original.target.displayName}`}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
        />
      ),
    },
    { id: "principal", header: "Principal", accessorFn: (r) => r.principal.displayName, cell: ({ getValue }) => <span className="font-medium text-slate-900">{String(getValue())}</span> },
    {
      id: "target",
      header: "Target",
      accessorFn: (r) => r.target.displayName,
      cell: ({ row }) => (
        <>
          <p className="text-slate-900">{row.original.target.displayName}</p>
          <p className="text-xs text-slate-600">{row.original.target.kind}</p>
          {row.original.justification && (
            <p className="mt-1 line-clamp-2 text-xs text-slate-700 min-[1400px]:hidden">
              <span className="sr-only">Justification: </span>
              {row.original.justification}
            </p>
          )}
        </>
      ),
    },
    { id: "category", header: "Category", accessorFn: (r) => categories.get(r.category)?.label ?? r.category, cell: ({ getValue }) => <span className="text-xs text-slate-700">{String(getValue())}</span> },
    { id: "status", header: "Status", accessorFn: (r) => STAGE_LABELS[r.stage], cell: ({ row }) => <StatusBadge request={row.original} showRaw={showRawStatus} /> },
    {
      id: "created",
      header: "Created",
      accessorFn: (r) => r.createdDateTime ?? "",
      cell: ({ row }) => (
        <time dateTime={row.original.createdDateTime ?? undefined} title={formatAbsolute(row.original.createdDateTime)} className="whitespace-nowrap text-slate-700">
          {formatRelative(row.original.createdDateTime)}
        </time>
      ),
    },
    {
      id: "justification",
      header: "Justification",
      enableSorting: false,
      accessorFn: (r) => r.justification ?? "",
      cell: ({ row }) => <span className="line-clamp-2 text-slate-700">{row.original.justification ?? <span className="text-slate-600">None given</span>}</span>,
    },
    {
      id: "actions",
      enableSorting: false,
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => {
        const request = row.original;
        const who = `${request.principal.displayName}'s request for ${request.target.displayName}`;
        return (
          <div className="flex flex-col items-end gap-1">
            <div className="flex justify-end gap-2 whitespace-nowrap">
              <button type="button" onClick={() => onDetails(request)} aria-label={`Details of ${who}`} className="rounded-md px-2 py-1 text-sm font-medium text-blue-800 hover:bg-blue-50">
                Details
              </button>
              {request.cancellable && (
                <button type="button" onClick={() => onCancel(request)} aria-label={`Cancel ${who}`} className="rounded-md border border-red-300 px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-50">
                  Cancel
                </button>
              )}
            </div>
            {/* The status allows a cancel but the user's roles do not: say so, or the missing button reads as a bug. */}
            {request.cancelBlockedReason && <span className="text-right text-xs text-slate-600">Cancelling needs a role you lack (see Details)</span>}
          </div>
        );
      },
    },
  ];
}
