import "server-only";
import { z } from "zod";
import type { GraphCall } from "@/lib/categories/category-definition";
import { readCollection } from "./collection";
import { GraphHttpError } from "./graph-error";
import { graphRequest } from "./graph-fetch";
import { buildGraphUrl } from "./graph-url";

/**
 * The caller's directory roles in effect now (role template ids, lower case), asked of Graph: the active role
 * assignment schedule instances of the signed-in user,
 * `GET /roleManagement/directory/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')`.
 *
 * Why this call: access tokens are opaque to clients (Microsoft identity platform, "Access tokens"), so `wids` is not
 * read. Active instances are exactly what Graph checks when a cancel needs Privileged Role Administrator: permanent
 * assignments, PIM activations in progress and assignments through role-assignable groups (memberType Group), but
 * not eligibilities nobody activated. Its permission, RoleAssignmentSchedule.Read.Directory, is covered by the
 * RoleAssignmentSchedule.ReadWrite.Directory the directory-role categories need anyway, so it asks nothing new.
 * `/me/transitiveMemberOf/microsoft.graph.directoryRole` was the alternative: it works with User.Read, but with only
 * that, Graph returns directory roles with their id and type alone (limited information for types the app may not
 * read), so telling Privileged Role Administrator apart would need RoleManagement.Read.Directory or Directory.Read.All.
 *
 * Null when Graph will not say (the permission is not granted, or the call failed): the roles are only a hint for
 * the UI, and Graph's own 403 stays the authority on every cancel.
 */
export async function readActiveDirectoryRoles(token: string): Promise<ReadonlySet<string> | null> {
  try {
    const response = await graphRequest(buildGraphUrl(ACTIVE_ROLES_CALL), { token });
    return rolesFromAnswer(response.status, response.body);
  } catch (error) {
    // A claims challenge is the whole call's to answer; anything else leaves the roles unknown.
    if (error instanceof GraphHttpError && error.claimsChallenge) throw error;
    return null;
  }
}

/** The Graph call, for callers that send it in a `$batch` with others (the access probe). */
export const ACTIVE_ROLES_CALL: GraphCall = {
  version: "v1.0",
  path: "/roleManagement/directory/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')",
  query: { $select: "roleDefinitionId,directoryScopeId" },
};

/** The roles in Graph's answer to ACTIVE_ROLES_CALL; null for a refusal or an answer that is not a collection. */
export function rolesFromAnswer(status: number, body: unknown): ReadonlySet<string> | null {
  const instances = status >= 200 && status < 300 ? readCollection(body)?.entities : undefined;
  if (!instances) return null;
  return new Set(
    instances.flatMap((entity) => {
      const instance = instanceSchema.safeParse(entity).data;
      // A role scoped to an administrative unit or an application does not act tenant-wide.
      return instance && (instance.directoryScopeId ?? "/") === "/" ? [instance.roleDefinitionId.toLowerCase()] : [];
    }),
  );
}

const instanceSchema = z.object({ roleDefinitionId: z.string().min(1), directoryScopeId: z.string().nullish() });
