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

/** `GET /api/access`: what each category lets the user list, and the directory roles Graph says they hold now. */
export interface AccessReport {
  categories: CategoryAccess[];
  /** Role template ids (lower case) of the caller's active directory roles; null when Graph would not say. */
  directoryRoles: string[] | null;
}
