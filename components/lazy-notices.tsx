"use client";

import dynamic from "next/dynamic";

// Consent advice (with the admin-consent link builder and the cloud table) and what came back from the identity
// provider show only when a permission is missing or something went wrong, so their code is fetched then, not with
// the dashboard.
export const GrantConsentSteps = dynamic(() => import("./grant-consent-steps").then((m) => m.GrantConsentSteps), { ssr: false });
export const IdentityProviderNotices = dynamic(() => import("./identity-provider-notices").then((m) => m.IdentityProviderNotices), { ssr: false });
export const RetiredNotice = dynamic(() => import("./list-notices").then((m) => m.RetiredNotice), { ssr: false });
// Shown with an error only; the single cancel's and the access check's errors fetch it then.
export const SupportReference = dynamic(() => import("./support-reference").then((m) => m.SupportReference), { ssr: false });
export const SkippedScopesNotice = dynamic(() => import("./list-notices").then((m) => m.SkippedScopesNotice), { ssr: false });
