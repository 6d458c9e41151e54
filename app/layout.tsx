import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { StyleNonce } from "@/components/style-nonce";
import { NONCE_HEADER } from "@/lib/security/content-security-policy";
import { parseThemePreference, THEME_COOKIE, themeAttribute } from "@/lib/theme/theme-preference";
import "./globals.css";

export const metadata: Metadata = {
  title: "Request Desk",
  description: "Review and cancel pending privileged-access and access-package requests in one queue.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The reader's explicit theme, on <html> from the first byte (no flash, no inline script); none follows the system.
  // Reading the cookie also renders every page per request, which the CSP nonce needs (proxy.ts): a page
  // prerendered at build time would carry scripts without this request's nonce, and the browser would block them.
  const theme = themeAttribute(parseThemePreference((await cookies()).get(THEME_COOKIE)?.value));
  const nonce = (await headers()).get(NONCE_HEADER);
  return (
    <html lang="en" data-theme={theme}>
      <body className="min-h-screen font-sans">
        {nonce && <StyleNonce nonce={nonce} />}
        {children}
      </body>
    </html>
  );
}
