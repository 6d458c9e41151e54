"use client";

import dynamic from "next/dynamic";
import { useState, type ReactNode } from "react";

// The dialogs, the details drawer and the permissions panel (and Radix with them) are not needed to show the queue,
// so they are split out of the dashboard's first load and fetched the first time one opens, or earlier, when the
// pointer or focus reaches the queue (preloadDialogs).
const importCancelDialog = () => import("./cancel-request-dialog");
const importBulkDialog = () => import("./bulk-cancel-dialog");
const importDetailsDrawer = () => import("./request-details-drawer");
const importPermissionsPanel = () => import("./permissions-panel");
// A bulk run's progress and receipt show only once a run starts; their code comes with the dialogs.
const importBulkProgress = () => import("./bulk-progress");
const importBulkRun = () => import("@/lib/bulk/bulk-run-session");

export const CancelRequestDialog = dynamic(() => importCancelDialog().then((m) => m.CancelRequestDialog), { ssr: false });
export const BulkCancelDialog = dynamic(() => importBulkDialog().then((m) => m.BulkCancelDialog), { ssr: false });
export const RequestDetailsDrawer = dynamic(() => importDetailsDrawer().then((m) => m.RequestDetailsDrawer), { ssr: false });
export const PermissionsPanel = dynamic(() => importPermissionsPanel().then((m) => m.PermissionsPanel), { ssr: false });
export const BulkProgress = dynamic(() => importBulkProgress().then((m) => m.BulkProgress), { ssr: false });

let preloaded = false;

/** Starts fetching every dialog's code, once, so the first one opens without waiting for the network. */
export function preloadDialogs(): void {
  if (preloaded) return;
  preloaded = true;
  void Promise.all([importCancelDialog(), importBulkDialog(), importDetailsDrawer(), importPermissionsPanel(), importBulkProgress(), importBulkRun()]).catch(() => {
    // Offline for a moment: the dialog is fetched again when it opens.
    preloaded = false;
  });
}

/**
 * Renders its children from the first time `open` is true and keeps them mounted afterwards, so a lazily loaded
 * dialog costs nothing until it is used and then closes (and returns focus) like any other.
 */
export function MountOnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened ? children : null;
}
