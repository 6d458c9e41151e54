"use client";

import { useAuthConfig } from "@/lib/auth/auth-config-context";
import { consentNeeded } from "@/lib/auth/consent-needed";
import { needsNotice, type CategoryFeed } from "@/lib/queries/use-request-queue";
import type { CategorySlug, RequestView } from "@/lib/requests/pending-request";
import type { ConsentRole } from "./grant-consent-steps";
import { GrantConsentSteps, RetiredNotice, SkippedScopesNotice, SupportReference } from "./lazy-notices";
import { Notice } from "./notice";
import { DelegatedPermissions } from "./permission-names";

/**
 * One inline notice per category that cannot show rows; the other categories keep working. When several categories
 * wait for admin consent (a tenant that has just signed up), one notice above them grants everything at once.
 */
export function CategoryNotices({
  feeds,
  view,
  granted,
  canGrant,
  onShowCategory,
  labelOf,
}: {
  feeds: CategoryFeed[];
  view: RequestView;
  granted: ReadonlySet<string> | undefined;
  canGrant: ConsentRole;
  /** Filters the queue to one category: a retired API's notice offers its successors. */
  onShowCategory: (slug: CategorySlug) => void;
  /** Any category's label, shown or not. */
  labelOf: (slug: CategorySlug) => string | undefined;
}) {
  const config = useAuthConfig();
  const troubled = feeds.filter(needsNotice);
  const partial = feeds.filter((f) => f.state === "ready" && f.skippedScopes.length > 0);
  // A retired API that still answers (the demo's PIM v2, or a tenant where Graph has not switched it off yet): when
  // the user looks at it alone, say where its requests live now.
  const retiredButAnswering = feeds.length === 1 && feeds[0]!.state === "ready" && feeds[0]!.summary.retirement?.successors ? feeds[0]! : null;
  if (troubled.length === 0 && partial.length === 0 && !retiredButAnswering) return null;
  const missing = new Map(troubled.flatMap((f) => (f.state === "refused" ? [[f.summary.slug, consentNeeded(f.summary, view, granted, f.access, config)] as const] : [])));
  const allMissing = [...new Set([...missing.values()].flat())];
  const together = [...missing.values()].filter((m) => m.length > 0).length > 1;
  return (
    <div className="space-y-2">
      {together && (
        <Notice tone="warning" title={`${allMissing.length} permissions need admin consent`}>
          <div data-consent-summary="">
            <GrantConsentSteps permissions={allMissing} canGrant={canGrant} />
          </div>
        </Notice>
      )}
      {retiredButAnswering && <RetiredNotice feed={retiredButAnswering} onShowCategory={onShowCategory} labelOf={labelOf} />}
      {partial.map((feed) => (
        <SkippedScopesNotice key={feed.summary.slug} feed={feed} />
      ))}
      {troubled.length > 0 && (
        <ul className="space-y-2" aria-label="Categories that need attention">
          {troubled.map((feed) => (
            <li key={feed.summary.slug} data-category-notice={feed.summary.slug}>
              <FeedNotice
                feed={feed}
                missing={missing.get(feed.summary.slug) ?? []}
                explained={together}
                canGrant={canGrant}
                onShowCategory={onShowCategory}
                labelOf={labelOf}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FeedNotice({
  feed,
  missing,
  explained,
  canGrant,
  onShowCategory,
  labelOf,
}: {
  feed: CategoryFeed;
  missing: string[];
  /** The consent steps are in the notice above: this one only names its permission. */
  explained: boolean;
  canGrant: ConsentRole;
  onShowCategory: (slug: CategorySlug) => void;
  labelOf: (slug: CategorySlug) => string | undefined;
}) {
  const { summary } = feed;
  if (feed.state === "retired" && summary.retirement) {
    return <RetiredNotice feed={feed} onShowCategory={onShowCategory} labelOf={labelOf} />;
  }
  if (feed.state === "refused") {
    return (
      <Notice tone="warning" title={`${summary.label}: ${missing.length > 0 ? "needs admin consent" : "not available to you"}`}>
        {missing.length === 0 ? (
          feed.access?.message
        ) : explained ? (
          <p>
            Needs <DelegatedPermissions permissions={missing} /> (see above).
          </p>
        ) : (
          <GrantConsentSteps permissions={missing} canGrant={canGrant} />
        )}
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
      <SupportReference requestId={feed.error?.requestId} time={feed.error?.time} />
    </Notice>
  );
}
