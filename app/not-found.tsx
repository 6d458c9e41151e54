// Replaces Next's built-in 404 page, whose inline style attributes the pages' Content-Security-Policy refuses
// (style-src has no 'unsafe-inline'; see proxy.ts). A plain link, not next/link: Next loads this page's code on
// every page as the root not-found boundary, and next/link alone was 3.7 KiB (gzip) of every first load (B1).
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col items-center justify-center gap-4 p-8 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-700">Request Desk has no page at this address.</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above: a full load of "/" is what a 404 needs */}
      <a href="/" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
        Go to the request queue
      </a>
    </main>
  );
}
