/**
 * Saves a file central sent (base64) the way the browser or Electron saves downloads: a Blob
 * behind a temporary object URL and an anchor with `download`. Electron shows its save dialog.
 */
export function saveBase64File(base64: string, contentType: string, fileName: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
