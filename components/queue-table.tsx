"use client";

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { rowKey, type SortColumn } from "@/lib/queue/queue-query";
import type { PendingRequest } from "@/lib/requests/pending-request";
import { preloadDialogs } from "./lazy-dialogs";
import { COLUMN_LAYOUT, queueColumns, type ColumnActions } from "./queue-table-columns";
import { SLASH_TO_SEARCH_SCOPE } from "./use-slash-to-focus";

const ROW_HEIGHT = 64;
// Windowing pays off only for long lists; below this the table renders every row (and the browser's find works).
// While more pages are on their way the list is about to grow, so it is windowed from the first page on: the first
// rows then cost a screenful of DOM, not a page of a hundred.
const VIRTUALIZE_ABOVE = 120;

/**
 * The one queue: TanStack Table for columns, sort headers and selection, TanStack Virtual so only the rows on screen
 * (plus a few) are in the DOM, whatever the tenant's size. Arrow keys move between rows, Enter opens details,
 * Space selects.
 */
export const QueueTable = memo(function QueueTable({
  rows,
  sort,
  onSort,
  selection,
  onSelection,
  actions,
  growing,
}: {
  rows: PendingRequest[];
  /** More pages are still loading. */
  growing: boolean;
  sort: { column: SortColumn; desc: boolean };
  onSort: (column: SortColumn, desc: boolean) => void;
  selection: RowSelectionState;
  onSelection: (selection: RowSelectionState) => void;
  actions: ColumnActions;
}) {
  const columns = useMemo(() => queueColumns(actions), [actions]);
  const sorting: SortingState = useMemo(() => [{ id: sort.column, desc: sort.desc }], [sort.column, sort.desc]);
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, rowSelection: selection },
    getRowId: rowKey,
    // Any row can be selected; the bulk confirmation then says which selected requests are skipped and why.
    enableRowSelection: true,
    onRowSelectionChange: (updater) => onSelection(typeof updater === "function" ? updater(selection) : updater),
    onSortingChange: (updater) => {
      const next = (typeof updater === "function" ? updater(sorting) : updater)[0];
      if (next) onSort(next.id as SortColumn, next.desc);
      else onSort(sort.column, !sort.desc);
    },
    enableSortingRemoval: false,
    // Rows arrive sorted (sortQueue, once per data or sort change); the table only shows which column it is.
    manualSorting: true,
    getCoreRowModel: getCoreRowModel(),
  });
  const tableRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualize = growing || tableRows.length > VIRTUALIZE_ABOVE;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    enabled: virtualize,
    // Before the scroll box is measured, assume it is as tall as it will be (70vh), so the first frame is full.
    initialRect: { width: 0, height: typeof window === "undefined" ? 0 : window.innerHeight * 0.7 },
  });
  const [lastActive, setActive] = useState(0);
  const items = virtualize ? virtualizer.getVirtualItems() : tableRows.map((_, index) => ({ index, start: 0, end: 0 }));
  const active = tabStop(lastActive, tableRows.length, items);
  const padTop = virtualize ? (items[0]?.start ?? 0) : 0;
  const padBottom = virtualize && items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(tableRows.length - 1, index));
    setActive(clamped);
    if (virtualize) virtualizer.scrollToIndex(clamped, { align: "auto" });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${clamped}"]`)?.focus());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: tableRows.length - 1, PageDown: active + 10, PageUp: active - 10 };
    const target = moves[event.key];
    if (target !== undefined && (event.target as HTMLElement).tagName === "TR") {
      event.preventDefault();
      focusRow(target);
      return;
    }
    const row = tableRows[active];
    if (!row || (event.target as HTMLElement).tagName !== "TR") return;
    if (event.key === "Enter") {
      event.preventDefault();
      // Opened after the key event has finished: a dialog opened mid-keydown is dismissed by its own focus trap.
      const request = row.original;
      requestAnimationFrame(() => actions.onDetails(request));
    }
    if (event.key === " ") {
      event.preventDefault();
      row.toggleSelected();
    }
  };

  return (
    <div ref={scrollRef} className="max-h-[70vh] overflow-auto rounded-md border border-slate-200 bg-white" data-testid="queue-scroll" {...{ [SLASH_TO_SEARCH_SCOPE]: "" }}>
      <table className="w-full table-fixed text-sm" aria-rowcount={tableRows.length + 1}>
        <caption className="sr-only">Requests. Arrow keys move between rows, Enter opens details, Space selects, slash goes to the search box.</caption>
        <colgroup>
          {table.getVisibleLeafColumns().map((column) => (
            <col key={column.id} className={COLUMN_LAYOUT[column.id]?.col} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-700 shadow-[0_1px_0_theme(colors.slate.200)]">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} scope="col" className={`px-3 py-2 ${COLUMN_LAYOUT[header.column.id]?.cell ?? ""}`} aria-sort={sorted ? (sorted === "desc" ? "descending" : "ascending") : undefined}>
                    {header.column.getCanSort() ? (
                      <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}</span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody onKeyDown={onKeyDown} onPointerEnter={preloadDialogs} onFocus={preloadDialogs} className="divide-y divide-slate-100">
          {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
          {items.map((item) => {
            const row = tableRows[item.index]!;
            return (
              <tr
                key={row.id}
                ref={virtualize ? virtualizer.measureElement : undefined}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                tabIndex={item.index === active ? 0 : -1}
                onFocus={() => setActive(item.index)}
                data-request-id={row.original.id}
                data-category={row.original.category}
                className={`align-top outline-offset-[-3px] ${row.getIsSelected() ? "bg-blue-50" : ""}`}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`px-3 py-3 ${COLUMN_LAYOUT[cell.column.id]?.cell ?? ""}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
        </tbody>
      </table>
    </div>
  );
});

/**
 * The row that takes Tab into the table: the last one used, unless a filter removed it or scrolling took it out of
 * the DOM; then the nearest row that is there, so the table never loses its way in for keyboard users.
 */
function tabStop(lastActive: number, rowCount: number, rendered: ReadonlyArray<{ index: number }>): number {
  const clamped = Math.max(0, Math.min(lastActive, rowCount - 1));
  if (rendered.length === 0 || rendered.some((item) => item.index === clamped)) return clamped;
  return clamped < rendered[0]!.index ? rendered[0]!.index : rendered[rendered.length - 1]!.index;
}
