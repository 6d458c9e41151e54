// GET /providers/Microsoft.Management/managementGroups (contract "Finding the scopes an admin can see"):
// `value[] {id, name, properties {displayName, tenantId}}` for the groups the caller holds a role on (or above).

import { page } from "../engine/paging";
import type { ArmRoute } from "../engine/routing";

export const MANAGEMENT_GROUP_API_VERSIONS = ["2020-05-01", "2021-04-01", "2023-04-01"] as const;

export const managementGroupsRoute: ArmRoute = {
  methods: ["GET"],
  tenantWide: true,
  apiVersions: MANAGEMENT_GROUP_API_VERSIONS,
  handle(context) {
    const { directory, caller } = context;
    const visible = directory.tree
      .all()
      .filter((node) => node.type === "managementgroup" && directory.rbac.holdsRoleAtOrAbove(caller.oid, node.id))
      .sort((a, b) => (a.id.toLowerCase() < b.id.toLowerCase() ? -1 : 1));
    const body = page(
      context.call,
      visible,
      (node) => node.id.toLowerCase(),
      context.config.pageSize,
      (node) => ({
        id: node.id,
        type: "Microsoft.Management/managementGroups",
        name: node.id.slice(node.id.lastIndexOf("/") + 1),
        properties: { tenantId: context.tenantId, displayName: node.displayName },
      }),
    );
    return { status: 200, body };
  },
};
