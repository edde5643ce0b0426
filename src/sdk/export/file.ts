/** Media types of the files the journal saves. */
export const FILE_TYPES = {
  json: 'application/json',
  markdown: 'text/markdown;charset=utf-8',
} as const;

/**
 * Saves text as a file on the participant's device: a Blob behind an object URL, clicked as a
 * download. Nothing goes over the network. The link is added to `container` (an element's shadow
 * root, say) just long enough to click, so no global DOM is touched.
 */
export function saveTextFile(text: string, fileName: string, type: string, container: ParentNode = document.body): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  container.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; it is revoked once the download has surely started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name like `compassion-journal-2026-03-03.md`, using the device's local date. */
export function exportFileName(stem: string, extension: string, date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const safe = stem.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'journal';
  return `${safe}-${day}.${extension}`;
}
