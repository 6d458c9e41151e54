"use client";

import type { CategoryFeed } from "@/lib/queries/use-request-queue";
import type { CategorySlug } from "@/lib/requests/pending-request";
import { Notice } from "./notice";

// Notices about what a list holds rather than whether it loaded: a retired API and where its requests went, and
// the Azure scopes a list had to leave out. Rare, so loaded only when one shows (lazy-notices).

export function RetiredNotice({
  feed,
  onShowCategory,
  labelOf,
}: {
  feed: CategoryFeed;
  onShowCategory: (slug: CategorySlug) => void;
  labelOf: (slug: CategorySlug) => string | undefined;
}) {
  const { summary } = feed;
  if (!summary.retirement) return null;
  const successors = (summary.retirement.successors ?? []).flatMap((slug) => {
    const label = labelOf(slug);
    return label ? [{ slug, label }] : [];
  });
  return (
    <Notice tone="info" title={`${summary.label}: retired by Microsoft`}>
      <p>
        {summary.retirement.note}{" "}
        {feed.items.length === 0
          ? "Microsoft Graph returns no requests for it, which is expected, not a failure."
          : "Microsoft Graph still lists requests for it, shown below; they may stop appearing at any time."}
      </p>
      {successors.length > 0 && (
        <p className="mt-1 flex flex-wrap items-center gap-2" data-successors="">
          <span>Their requests are now under:</span>
          {successors.map(({ slug, label }) => (
            <button key={slug} type="button" className="underline underline-offset-2 hover:no-underline focus-visible:outline-2" onClick={() => onShowCategory(slug)}>
              {label}
            </button>
          ))}
        </p>
      )}
    </Notice>
  );
}

export function SkippedScopesNotice({ feed }: { feed: CategoryFeed }) {
  const count = feed.skippedScopes.length;
  return (
    <Notice tone="info" title={`${feed.summary.label}: ${count === 1 ? "1 scope" : `${count} scopes`} left out`}>
      <div data-skipped-scopes={feed.summary.slug}>
        <p>The rest of this list is complete; these could not be read for you:</p>
        <ul className="mt-1 list-disc pl-5">
          {feed.skippedScopes.map((scope) => (
            <li key={`${scope.kind}:${scope.displayName}`}>
              {scope.displayName} ({scope.kind.toLowerCase()}): {scope.reason}
            </li>
          ))}
        </ul>
      </div>
    </Notice>
  );
}
