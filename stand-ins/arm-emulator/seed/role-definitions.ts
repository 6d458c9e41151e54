// The built-in Azure roles the seed uses, with their real GUIDs (the same in every tenant) and the control-plane
// actions that matter here, as Azure's built-in definitions state them (learn.microsoft.com "Azure built-in roles").

import type { RoleDefinition } from "../model/records";

export const ROLE_IDS = {
  owner: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
  contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
  reader: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
  userAccessAdministrator: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
  storageBlobDataReader: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
  keyVaultSecretsUser: "4633458b-17de-408a-b874-0445c86b69e6",
  virtualMachineContributor: "9980e02c-c2be-4d73-94e8-173b1dc7cf3c",
} as const;

export type RoleKey = keyof typeof ROLE_IDS;

export const ROLE_DEFINITIONS: readonly RoleDefinition[] = [
  { guid: ROLE_IDS.owner, displayName: "Owner", actions: ["*"], notActions: [] },
  {
    guid: ROLE_IDS.contributor,
    displayName: "Contributor",
    actions: ["*"],
    notActions: ["Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write", "Microsoft.Authorization/elevateAccess/Action"],
  },
  { guid: ROLE_IDS.reader, displayName: "Reader", actions: ["*/read"], notActions: [] },
  { guid: ROLE_IDS.userAccessAdministrator, displayName: "User Access Administrator", actions: ["*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"], notActions: [] },
  // Data roles: their permissions are data actions, so they grant nothing on Microsoft.Authorization.
  {
    guid: ROLE_IDS.storageBlobDataReader,
    displayName: "Storage Blob Data Reader",
    actions: ["Microsoft.Storage/storageAccounts/blobServices/containers/read", "Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action"],
    notActions: [],
    dataActions: ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"],
  },
  {
    guid: ROLE_IDS.keyVaultSecretsUser,
    displayName: "Key Vault Secrets User",
    actions: [],
    notActions: [],
    dataActions: ["Microsoft.KeyVault/vaults/secrets/getSecret/action", "Microsoft.KeyVault/vaults/secrets/readMetadata/action"],
  },
  {
    guid: ROLE_IDS.virtualMachineContributor,
    displayName: "Virtual Machine Contributor",
    actions: ["Microsoft.Authorization/*/read", "Microsoft.Compute/virtualMachines/*", "Microsoft.Network/networkInterfaces/*", "Microsoft.Resources/subscriptions/resourceGroups/read"],
    notActions: [],
  },
];
