import type { ReactNode } from "react";

const TONES = {
  info: "border-blue-200 bg-blue-50 text-blue-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-300 bg-red-50 text-red-900",
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
} as const;

/** An inline message block. `role` is left to the caller: alerts interrupt, status messages wait their turn. */
export function Notice({
  tone,
  title,
  children,
  role,
  action,
}: {
  tone: keyof typeof TONES;
  title: string;
  children?: ReactNode;
  role?: "alert" | "status";
  action?: ReactNode;
}) {
  return (
    <div role={role} className={`flex items-start justify-between gap-4 rounded-md border px-4 py-3 text-sm ${TONES[tone]}`}>
      <div>
        <p className="font-semibold">{title}</p>
        {children && <div className="mt-0.5">{children}</div>}
      </div>
      {action}
    </div>
  );
}
