"use client";

import dynamic from "next/dynamic";

// Consent advice and what came back from the identity provider show only when something is missing or went wrong,
// so their code (and the admin-consent link builder with the cloud table) is fetched then, not with the dashboard.
export const GrantConsentSteps = dynamic(() => import("./grant-consent-steps").then((m) => m.GrantConsentSteps), { ssr: false });
export const IdentityProviderNotices = dynamic(() => import("./identity-provider-notices").then((m) => m.IdentityProviderNotices), { ssr: false });
