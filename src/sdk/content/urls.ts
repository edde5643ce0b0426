/** URL schemes content may use. Anything else (javascript:, data:, http:, …) is refused. */
export const ALLOWED_SCHEMES = ['https', 'mailto', 'tel'] as const;

/**
 * Checks a URL written in program content. Returns `null` when it is allowed (https:, mailto:,
 * tel:, or relative), otherwise a plain sentence saying why not.
 */
export function urlProblem(url: string): string | null {
  if (typeof url !== 'string' || url.trim() === '') return 'is empty';
  // Browsers ignore tabs, newlines and leading control characters in a scheme ("java\nscript:").
  const squeezed = url.replace(/[\u0000-\u0020\u007f]/g, '');
  if (url.includes('\\')) return 'contains a backslash; use forward slashes';
  if (squeezed.startsWith('//')) return 'is protocol-relative ("//…"); write it with https://';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return /[\u0000-\u001f\u007f]/.test(url) ? 'contains control characters' : null;
  }
  if ((ALLOWED_SCHEMES as readonly string[]).includes(scheme)) return null;
  return `uses "${scheme}:"; only https:, mailto:, tel: and relative URLs are allowed`;
}

export function isSafeUrl(url: string): boolean {
  return urlProblem(url) === null;
}

/**
 * Resolves a content URL against the program file's URL, or returns `undefined` when it is not
 * allowed. Use this for every `href` and `src` built from content.
 */
export function resolveContentUrl(url: string, base?: string): string | undefined {
  if (!isSafeUrl(url)) return undefined;
  try {
    return new URL(url, base ?? globalThis.location?.href).href;
  } catch {
    return undefined;
  }
}
