import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { publicAuthConfig } from "@/lib/auth/public-auth-config";

// Sign-in settings come from the server's environment at request time, so one build serves any tenant.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  return <Providers authConfig={await publicAuthConfig()}>{children}</Providers>;
}
