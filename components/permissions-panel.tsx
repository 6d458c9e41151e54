"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useAuthConfig } from "@/lib/auth/auth-config-context";
import { consentNeeded } from "@/lib/auth/consent-needed";
import { directoryRoleNames } from "@/lib/auth/directory-role-names";
import { missingPermission } from "@/lib/auth/use-granted-scopes";
import type { CategoryAccess, ViewAccess } from "@/lib/requests/category-access";
import { retirementLabel } from "@/lib/requests/format-dates";
import type { CategorySummary } from "@/lib/requests/pending-request";
import { hasRetired } from "@/lib/requests/retirement";
import { GrantConsentSteps, type ConsentRole } from "./grant-consent-steps";
import { useReturnFocus } from "./use-return-focus";
import { DelegatedPermissions } from "./permission-names";

/** Per category: can this user list their own and everyone's requests, and if not, exactly what is missing. */
export function PermissionsPanel({
  open,
  onClose,
  categories,
  access,
  granted,
  canGrant,
  directoryRoles,
}: {
  open: boolean;
  onClose: () => void;
  categories: CategorySummary[];
  access: CategoryAccess[] | undefined;
  granted: ReadonlySet<string> | undefined;
  canGrant: ConsentRole;
  directoryRoles: readonly string[] | null | undefined;
}) {
  const config = useAuthConfig();
  const byCategory = new Map(access?.map((a) => [a.category, a.views]));
  const missingFor = (category: CategorySummary, view: "mine" | "all") => consentNeeded(category, view, granted, byCategory.get(category.slug)?.[view], config);
  // Every permission a category is waiting for, in one consent: the administrator grants them all at once.
  const missingEverywhere = [...new Set(categories.flatMap((c) => [...missingFor(c, "mine"), ...missingFor(c, "all")]))];
  const returnFocus = useReturnFocus(open);
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content onCloseAutoFocus={returnFocus} className="fixed z-50 inset-y-0 right-0 w-[min(40rem,100vw)] overflow-y-auto bg-white p-6 shadow-xl">
          <div className="flex items-start justify-between">
            <Dialog.Title className="text-xl font-semibold text-slate-900">What you can see and cancel</Dialog.Title>
            <Dialog.Close className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">Close</Dialog.Close>
          </div>
          <Dialog.Description className="mt-1 text-sm text-slate-700">
            Checked with Microsoft Graph and Azure Resource Manager for your account just now, category by category.
          </Dialog.Description>
          <p className="mt-3 text-sm text-slate-800" data-directory-roles="">
            {directoryRoles === undefined
              ? null
              : directoryRoles === null
                ? "Microsoft Graph did not say which directory roles you hold (it needs RoleAssignmentSchedule.Read.Directory or a broader permission): Cancel is offered as each request's status allows, and Graph decides."
                : directoryRoles.length === 0
                  ? "Microsoft Graph reports no active directory role for you."
                  : `Your active directory roles, as Microsoft Graph reports them: ${directoryRoleNames(directoryRoles).join(", ")}.`}
          </p>
          {missingEverywhere.length > 0 && (
            <section aria-label="Permissions not granted" className="mt-6 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" data-consent-panel="">
              <h3 className="font-semibold">{missingEverywhere.length === 1 ? "1 permission needs" : `${missingEverywhere.length} permissions need`} admin consent</h3>
              <GrantConsentSteps permissions={missingEverywhere} canGrant={canGrant} />
            </section>
          )}
          <ul className="mt-6 space-y-4">
            {categories.map((category) => {
              const views = byCategory.get(category.slug);
              return (
                <li key={category.slug} className="rounded-md border border-slate-200 p-4" data-permission-category={category.slug}>
                  <h3 className="font-semibold text-slate-900">{category.label}</h3>
                  <p className="font-mono text-xs text-slate-700">
                    {category.apiType} ({category.apiVersion})
                  </p>
                  {retiredAndRefused(category, views) ? (
                    <RetiredLine category={category} labelOf={(slug) => categories.find((c) => c.slug === slug)?.label ?? slug} />
                  ) : (
                    <>
                      <ViewLine label="Your own requests" access={views?.mine} missing={missingFor(category, "mine")} />
                      <ViewLine
                        label="Everyone's requests"
                        access={views?.all}
                        missing={missingFor(category, "all")}
                        roles={category.adminRoles}
                        roleAdvice={category.upstream === "arm" ? " Ask an Owner of the subscription or management group to assign you one of those Azure roles." : undefined}
                      />
                      {category.upstream === "arm" ? (
                        <p className="mt-2 text-xs text-slate-700">
                          Cancelling needs Azure Resource Manager&apos;s {category.registeredScopes.join(", ")}
                          {views?.mine.code === "consent_required" ? " (not granted)" : ""} and, at the request&apos;s scope, an Azure role
                          such as {category.cancelRoles.join(" or ")}; your own requests you may always cancel.
                        </p>
                      ) : (
                        <p className="mt-2 text-xs text-slate-700">
                          Cancelling needs {category.permissions.cancelAll.join(" or ")}
                          {missingPermission(category.permissions.cancelAll, granted) ? " (not granted)" : " (granted)"}.
                        </p>
                      )}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ViewLine({
  label,
  access,
  missing,
  roles,
  roleAdvice = " Ask a Privileged Role Administrator to assign you one of those roles.",
}: {
  label: string;
  access: ViewAccess | undefined;
  /** What admin consent would have to add for this view (how to grant it is at the top of the panel). */
  missing: readonly string[];
  roles?: readonly string[];
  /** Who can give the roles named (directory roles by default). */
  roleAdvice?: string;
}) {
  const available = access?.available ?? false;
  const needsConsent = !available && missing.length > 0;
  return (
    <div className="mt-2 text-sm" data-view-line={label}>
      <p>
        <span className={available ? "font-semibold text-emerald-800" : "font-semibold text-red-800"}>
          {access ? (available ? "Available" : needsConsent ? "Needs admin consent" : "Not available") : "Unknown"}
        </span>{" "}
        — {label}
      </p>
      {needsConsent && (
        <p className="mt-1 text-slate-800">
          Needs <DelegatedPermissions permissions={missing} plain />, not granted to Request Desk in your organisation (see above).
        </p>
      )}
      {!available && !needsConsent && access?.message && (
        <p className="mt-1 text-slate-800">
          {access.message}
          {roles && roles.length > 0 ? roleAdvice : ""}
        </p>
      )}
    </div>
  );
}

/** A retired API the tenant never granted: it would answer nothing if granted, so no permission or role is asked for. */
function retiredAndRefused(category: CategorySummary, views: CategoryAccess["views"] | undefined): boolean {
  return hasRetired(category.retirement?.date, new Date()) && !views?.mine.available && !views?.all.available;
}

function RetiredLine({ category, labelOf }: { category: CategorySummary; labelOf: (slug: CategorySummary["slug"]) => string }) {
  const successors = category.retirement?.successors ?? [];
  return (
    <p className="mt-2 text-sm text-slate-800" data-retired-line="">
      {retirementLabel(category.retirement!.date, new Date()).replace(/^r/, "R")}: Microsoft no longer returns its requests, so
      nothing needs granting for it.{successors.length > 0 ? ` They are under ${successors.map(labelOf).join(" and ")}.` : ""}
    </p>
  );
}
