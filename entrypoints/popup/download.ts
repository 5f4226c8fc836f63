/** Saves text as a file through a temporary object URL (no permission needed from a popup). */
export function downloadText(doc: Document, filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "citecheck-example.com-2026-01-31": the page's host and the day it was checked. */
export function exportBaseName(pageUrl: string, checkedAt: string): string {
  let host = 'page';
  try {
    host = new URL(pageUrl).hostname.replace(/^www\./, '') || 'page';
  } catch {
    // keep "page"
  }
  const day = /^\d{4}-\d{2}-\d{2}/.exec(checkedAt)?.[0] ?? 'report';
  return `citecheck-${host.replace(/[^a-z0-9.-]/gi, '_')}-${day}`;
}
