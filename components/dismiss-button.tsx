/** The element that takes focus when a message is dismissed (the page's heading), so keyboard users keep their place. */
export const AFTER_DISMISS_FOCUS_ID = "queue-heading";

/**
 * Closes a message block; takes the block's own text colour so it reads on every tone. Named after what it closes,
 * since several messages can be on screen at once. The block unmounts with the focused button in it, so focus is
 * moved on to the page heading rather than lost to the document body.
 */
export function DismissButton({ what, onClick }: { what: string; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-label={`Dismiss: ${what}`}
      onClick={() => {
        onClick();
        document.getElementById(AFTER_DISMISS_FOCUS_ID)?.focus();
      }}
      className="shrink-0 rounded-md px-3 py-1 font-medium hover:bg-black/5"
    >
      Dismiss
    </button>
  );
}
