import type { AppErrorCode } from "@/lib/errors/error-codes";
import type { CategorySlug, RequestView } from "./pending-request";

/** Whether Graph lets the signed-in user list one view of a category, and if not, why. */
export interface ViewAccess {
  available: boolean;
  code?: AppErrorCode;
  message?: string;
}

export interface CategoryAccess {
  category: CategorySlug;
  views: Record<RequestView, ViewAccess>;
}
