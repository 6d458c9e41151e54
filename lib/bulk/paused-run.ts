import type { BulkOutcomeLine } from "@/lib/requests/bulk-outcome";
import type { PendingRequest, RequestView } from "@/lib/requests/pending-request";
import type { ReceiptRow } from "./receipt";

/**
 * A bulk cancel stopped by a claims challenge that needs a full-page sign-in: everything the run knew, so that it
 * carries on after the redirect as the same run, with the same progress and one receipt. `remaining` holds only
 * requests Graph has not cancelled: the ones it challenged (a challenged call does nothing) and the ones not sent yet.
 */
export interface PausedBulkRun {
  view: RequestView;
  startedAt: string;
  total: number;
  rows: ReceiptRow[];
  outcomes: BulkOutcomeLine[];
  remaining: PendingRequest[];
}
