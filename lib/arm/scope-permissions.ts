import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { ArmHttpError, ArmUnreachableError } from "./arm-error";
import { armPermissionsPath } from "./arm-paths";
import { fetchArmList } from "./collection";

// What the signed-in user may do at a scope, as ARM itself reports it: "Permissions - List For Resource Group" /
// "List For Resource" (learn.microsoft.com/rest/api/authorization/permissions, api-version 2022-04-01) answers
// `{ value: [{ actions, notActions, dataActions, notDataActions }], nextLink? }`, one entry per role the caller holds
// there (inherited from above included). Microsoft's "Use Resource Manager authentication API to access
// subscriptions" reads it the way Azure RBAC evaluates roles ("Understand Azure role definitions"): an action is
// allowed when it matches some entry's `actions` and none of that same entry's `notActions`. NotActions are not a
// deny: another role's entry can still allow the action, so entries are never merged before matching.

const permissionSchema = z.object({
  actions: z.array(z.string()).nullish(),
  notActions: z.array(z.string()).nullish(),
});

export interface ArmPermission {
  actions: readonly string[];
  notActions: readonly string[];
}

/**
 * The caller's permissions at a scope, or undefined when ARM did not say: a refusal (403), a scope it no longer knows
 * (404), an outage, a timeout or an answer in another shape leave the question open, and whoever asked must not
 * read that as "no". A claims challenge is thrown: the user has to verify again before ARM answers anything.
 */
export async function readScopePermissions(scope: string, token: string): Promise<ArmPermission[] | undefined> {
  let entities: unknown[];
  try {
    entities = await fetchArmList(armPermissionsPath(scope), token);
  } catch (error) {
    if (error instanceof ArmHttpError && error.claimsChallenge !== undefined) throw error;
    if (error instanceof ArmHttpError || error instanceof ArmUnreachableError || error instanceof AppError) return undefined;
    throw error;
  }
  const parsed = z.array(permissionSchema).safeParse(entities);
  return parsed.success ? parsed.data.map((p) => ({ actions: p.actions ?? [], notActions: p.notActions ?? [] })) : undefined;
}

/** Whether the permissions allow `action`: some entry matches it in `actions` and not in its own `notActions`. */
export function permitsAction(permissions: readonly ArmPermission[], action: string): boolean {
  return permissions.some((entry) => entry.actions.some((p) => matchesAction(p, action)) && !entry.notActions.some((p) => matchesAction(p, action)));
}

// Azure's action wildcards: `*` stands for any run of characters, "/" included ("*", "*/read",
// "Microsoft.Authorization/*", "Microsoft.Authorization/*/Write"); operation names compare case-insensitively (the
// built-in Contributor writes "Microsoft.Authorization/*/Write", the operations list ".../write").
export function matchesAction(pattern: string, action: string): boolean {
  const parts = pattern.toLowerCase().split("*");
  const text = action.toLowerCase();
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (parts.length === 1) return text === first;
  if (!text.startsWith(first) || !text.endsWith(last) || text.length < first.length + last.length) return false;
  // The middle pieces in order, each after the one before, between the fixed start and end.
  let at = first.length;
  const end = text.length - last.length;
  for (const piece of parts.slice(1, -1)) {
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}
