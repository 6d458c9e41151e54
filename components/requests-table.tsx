"use client";

import type { CategorySummary, PendingRequest } from "@/lib/requests/pending-request";
import { formatAbsolute, formatRelative } from "@/lib/requests/format-dates";
import { StatusBadge } from "./status-badge";

export function RequestsTable({
  requests,
  categories,
  showRawStatus,
  onCancel,
  onDetails,
}: {
  requests: PendingRequest[];
  categories: ReadonlyMap<string, CategorySummary>;
  showRawStatus: boolean;
  onCancel: (request: PendingRequest) => void;
  onDetails: (request: PendingRequest) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Requests, oldest first</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2">Principal</th>
            <th scope="col" className="px-4 py-2">Target</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">Created</th>
            <th scope="col" className="px-4 py-2">Justification</th>
            <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {requests.map((request) => (
            <tr key={`${request.category}:${request.id}`} data-request-id={request.id} data-category={request.category} className="align-top">
              <td className="px-4 py-3 font-medium text-slate-900">{request.principal.displayName}</td>
              <td className="px-4 py-3">
                <p className="text-slate-900">{request.target.displayName}</p>
                <p className="text-xs text-slate-600">
                  {request.target.kind} · {categories.get(request.category)?.label}
                </p>
              </td>
              <td className="px-4 py-3"><StatusBadge request={request} showRaw={showRawStatus} /></td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                <time dateTime={request.createdDateTime ?? undefined} title={formatAbsolute(request.createdDateTime)}>
                  {formatRelative(request.createdDateTime)}
                </time>
              </td>
              <td className="max-w-xs px-4 py-3 text-slate-700">{request.justification ?? <span className="text-slate-600">None given</span>}</td>
              <td className="whitespace-nowrap px-4 py-3 text-right">
                <button
                  type="button"
                  onClick={() => onDetails(request)}
                  aria-label={`Details of ${request.principal.displayName}'s request for ${request.target.displayName}`}
                  className="rounded-md px-2 py-1 text-sm font-medium text-blue-800 hover:bg-blue-50"
                >
                  Details
                </button>
                {request.cancellable && (
                  <button
                    type="button"
                    onClick={() => onCancel(request)}
                    aria-label={`Cancel ${request.principal.displayName}'s request for ${request.target.displayName}`}
                    className="ml-2 rounded-md border border-red-300 px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-50"
                  >
                    Cancel
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
