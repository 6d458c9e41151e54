/** Closes a message block; takes the block's own text colour so it reads on every tone. */
export function DismissButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className="shrink-0 rounded-md px-3 py-1 font-medium hover:bg-black/5">
      Dismiss
    </button>
  );
}
