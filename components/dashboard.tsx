"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useAccessToken } from "@/lib/auth/use-access-token";
import { accessOptions } from "@/lib/queries/access-queries";
import type { CategorySummary, RequestView } from "@/lib/requests/pending-request";
import { CategorySection } from "./category-section";
import { Notice } from "./notice";
import { ViewSwitch } from "./view-switch";

export function Dashboard({ categories }: { categories: CategorySummary[] }) {
  const getToken = useAccessToken();
  const access = useQuery(accessOptions(getToken));
  const [chosenView, setChosenView] = useState<RequestView | null>(null);

  const accessByCategory = new Map(access.data?.categories.map((c) => [c.category, c.views]));
  // "All requests" is offered only when Graph let this user list everyone's requests in some category.
  const canListAll = access.data?.categories.some((c) => c.views.all.available) ?? false;
  const view: RequestView = chosenView ?? (canListAll ? "all" : "mine");

  return (
    <main className="mx-auto max-w-7xl px-6 py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Pending requests</h1>
          <p className="mt-1 text-slate-700">
            {view === "all" ? "Everyone's requests you can act on as an administrator." : "Requests you made, or that were made for you."}
          </p>
        </div>
        {access.isSuccess && <ViewSwitch view={view} onChange={setChosenView} canListAll={canListAll} />}
      </div>

      {access.isPending && (
        <p className="mt-8 text-slate-700" aria-busy="true">
          Checking what Microsoft Graph lets you see…
        </p>
      )}
      {access.isError && (
        <div className="mt-6">
          <Notice tone="warning" title="Could not check your permissions">
            {access.error.message} Showing your own requests.
          </Notice>
        </div>
      )}
      {!access.isPending && (
        <div className="mt-6 space-y-8">
          {categories.map((category) => (
            <CategorySection
              key={`${category.slug}-${view}`}
              category={category}
              view={view}
              access={accessByCategory.get(category.slug)?.[view]}
            />
          ))}
        </div>
      )}
    </main>
  );
}
