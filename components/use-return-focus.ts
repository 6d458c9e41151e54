"use client";

import { useLayoutEffect, useRef } from "react";

/**
 * For a dialog opened without a Radix Trigger (from a table row, or loaded lazily): remembers what had focus when
 * it opened and gives it back on close, as Radix does for its own triggers. Pass the result as the content's
 * `onCloseAutoFocus`. If that element is gone (the row's Cancel button after a cancel), focus stays where Radix
 * puts it.
 */
export function useReturnFocus(open: boolean): (event: Event) => void {
  const opener = useRef<HTMLElement | null>(null);
  // A layout effect runs before the dialog's focus scope moves focus into it.
  useLayoutEffect(() => {
    if (open) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, [open]);
  return (event) => {
    const element = opener.current;
    if (!element?.isConnected) return;
    event.preventDefault();
    element.focus();
  };
}
