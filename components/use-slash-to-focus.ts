"use client";

import { useEffect, useRef } from "react";

/** Put on the element (the queue table) inside which "/" jumps to the search box. */
export const SLASH_TO_SEARCH_SCOPE = "data-slash-to-search";

/**
 * "/" pressed while focus is in the queue table puts the cursor in the returned element (the search box), as in
 * GitHub and the Azure portal. Only there: a one-key shortcut live on the whole page would fire on speech input
 * and stray keys (WCAG 2.1.4), while in the table every other key is already a table command.
 */
export function useSlashToFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (!target?.closest(`[${SLASH_TO_SEARCH_SCOPE}]`)) return;
      event.preventDefault();
      ref.current?.focus();
      if (ref.current instanceof HTMLInputElement) ref.current.select();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  return ref;
}
