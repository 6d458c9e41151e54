"use client";

import { useState } from "react";
import type { CategoryAccess } from "@/lib/requests/category-access";
import type { CategorySummary } from "@/lib/requests/pending-request";
import type { ConsentRole } from "./grant-consent-steps";
import { MountOnceOpened, PermissionsPanel, preloadDialogs } from "./lazy-dialogs";

/** The "Permissions" button and the panel it opens (loaded on first use). */
export function PermissionsButton(props: {
  categories: CategorySummary[];
  access: CategoryAccess[] | undefined;
  granted: ReadonlySet<string> | undefined;
  canGrant: ConsentRole;
  /** The caller's active directory roles as Graph reported them; null when it would not say. */
  directoryRoles: readonly string[] | null | undefined;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
        onPointerEnter={preloadDialogs}
        onFocus={preloadDialogs}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
      >
        Permissions
      </button>
      <MountOnceOpened open={open}>
        <PermissionsPanel open={open} onClose={() => setOpen(false)} {...props} />
      </MountOnceOpened>
    </>
  );
}
