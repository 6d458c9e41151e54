// GET /subscriptions (contract "Finding the scopes an admin can see"): the subscriptions the caller can see, i.e.
// where they hold any RBAC role at, above or below the subscription (as the Azure portal's subscription list shows
// a subscription to someone with a role on one of its resource groups). Paged by nextLink.

import { page } from "../engine/paging";
import type { ArmRoute } from "../engine/routing";

/** 2022-12-01 per the contract; older versions clients still send are accepted too. */
export const SUBSCRIPTION_API_VERSIONS = ["2016-06-01", "2019-11-01", "2020-01-01", "2021-01-01", "2022-12-01"] as const;

export const subscriptionsRoute: ArmRoute = {
  methods: ["GET"],
  tenantWide: true,
  apiVersions: SUBSCRIPTION_API_VERSIONS,
  handle(context) {
    const { directory, caller } = context;
    const visible = directory.tree
      .all()
      .filter((node) => node.type === "subscription" && directory.rbac.holdsRoleAround(caller.oid, node.id))
      .sort((a, b) => (a.displayName < b.displayName ? -1 : 1));
    const body = page(
      context.call,
      visible,
      (node) => `${node.displayName}|${node.id.toLowerCase()}`,
      context.config.pageSize,
      (node) => {
        const subscriptionId = node.id.slice("/subscriptions/".length);
        return {
          id: node.id,
          authorizationSource: "RoleBased",
          managedByTenants: [],
          subscriptionId,
          tenantId: context.tenantId,
          displayName: node.displayName,
          state: "Enabled",
          subscriptionPolicies: { locationPlacementId: "Public_2014-09-01", quotaId: "PayAsYouGo_2014-09-01", spendingLimit: "Off" },
        };
      },
    );
    return { status: 200, body };
  },
};
