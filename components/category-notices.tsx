"use client";

import { missingPermission } from "@/lib/auth/use-granted-scopes";
import type { CategoryFeed } from "@/lib/queries/use-request-queue";
import type { RequestView } from "@/lib/requests/pending-request";
import { GrantConsentSteps, type ConsentRole } from "./grant-consent-steps";
import { Notice } from "./notice";

/** One inline notice per category that cannot show rows; the other categories keep working. */
export function CategoryNotices({
  feeds,
  view,
  granted,
  canGrant,
}: {
  feeds: CategoryFeed[];
  view: RequestView;
  granted: ReadonlySet<string> | undefined;
  canGrant: ConsentRole;
}) {
  const troubled = feeds.filter((f) => f.state === "refused" || f.state === "error" || f.state === "retired");
  if (troubled.length === 0) return null;
  return (
    <ul className="space-y-2" aria-label="Categories that need attention">
      {troubled.map((feed) => (
        <li key={feed.summary.slug} data-category-notice={feed.summary.slug}>
          <FeedNotice feed={feed} view={view} granted={granted} canGrant={canGrant} />
        </li>
      ))}
    </ul>
  );
}

function FeedNotice({
  feed,
  view,
  granted,
  canGrant,
}: {
  feed: CategoryFeed;
  view: RequestView;
  granted: ReadonlySet<string> | undefined;
  canGrant: ConsentRole;
}) {
  const { summary } = feed;
  if (feed.state === "retired" && summary.retirement) {
    return (
      <Notice tone="info" title={`${summary.label}: retired by Microsoft`}>
        {summary.retirement.note} Microsoft Graph returns no requests for it, which is expected, not a failure.
      </Notice>
    );
  }
  if (feed.state === "refused") {
    const missing = missingPermission(
      view === "all" ? summary.permissions.listAll : summary.permissions.listMine,
      granted,
      view === "all" ? summary.permissions.cancelAll : summary.permissions.cancelMine,
    );
    return (
      <Notice tone="warning" title={`${summary.label}: ${missing ? "needs admin consent" : "not available to you"}`}>
        {missing ? <GrantConsentSteps permission={missing} canGrant={canGrant} /> : feed.access?.message}
      </Notice>
    );
  }
  return (
    <Notice
      tone="error"
      title={`${summary.label} could not be loaded`}
      action={
        <button type="button" onClick={feed.refetch} className="rounded-md border border-current px-3 py-1 text-sm font-medium">
          Try again
        </button>
      }
    >
      {feed.error?.message}
    </Notice>
  );
}
