"use client";

import { useEffect, useRef } from "react";

/**
 * "/" anywhere on the page (outside a text field, without modifiers) puts the cursor in the returned element, as
 * in GitHub and the Azure portal: an admin working a queue searches far more often than they click.
 */
export function useSlashToFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='dialog']")) return;
      event.preventDefault();
      ref.current?.focus();
      if (ref.current instanceof HTMLInputElement) ref.current.select();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  return ref;
}
