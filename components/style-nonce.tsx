"use client";

// webpack's name for the nonce of code-injected <style> and <script> elements; the build rewrites it to
// `__webpack_require__.nc`, which the dialogs' scroll lock (react-remove-scroll, through react-style-singleton)
// puts on the <style> element it adds. Without it, the pages' CSP (style-src with a nonce, no 'unsafe-inline')
// refuses that style and the page behind an open dialog keeps scrolling.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- read by webpack's runtime, not by this file
declare let __webpack_nonce__: string;

/** Hands this page's CSP nonce (proxy.ts) to the code that injects styles at run time. Renders nothing. */
export function StyleNonce({ nonce }: { nonce: string }) {
  if (typeof window !== "undefined") {
    try {
      __webpack_nonce__ = nonce;
    } catch {
      // Turbopack (`npm run dev`) has no such variable; the production build is webpack's.
    }
  }
  return null;
}
