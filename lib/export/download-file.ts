/** Hands text to the browser as a file download (no server round trip: the data is already on the page). */
export function downloadFile(fileName: string, body: string, type: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked once the download has had time to start; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** A timestamp that is safe in a file name on every system (no colons). */
export const fileStamp = (iso: string) => iso.replace(/[:.]/g, "-");
