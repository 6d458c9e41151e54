import { RedirectBridge } from "./redirect-bridge";

// MSAL v5 redirect bridge: the redirectUri of silent (iframe) and popup flows. It only hands the response back to
// the window that opened it, so it lives outside the app's providers.
export default function RedirectPage() {
  return <RedirectBridge />;
}
