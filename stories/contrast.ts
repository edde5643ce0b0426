/**
 * WCAG 2.2 contrast, for the token pages: relative luminance of an sRGB colour and the ratio of
 * two of them. Only `#rgb` and `#rrggbb`, which is how every token is written.
 */

/** The sRGB channels of `#rgb` or `#rrggbb`, each 0–255. */
export function parseHex(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new TypeError(`Not a hex colour: "${hex}" (expected #rgb or #rrggbb)`);
  const digits = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance: each channel linearised from sRGB, then weighted by how bright the eye sees it. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** (lighter + 0.05) / (darker + 0.05): 1 for the same colour, 21 for black on white. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** What a pair must reach: 4.5:1 for body text, 3:1 for borders, focus rings and other controls' edges (WCAG 1.4.3, 1.4.11). */
export const AA_MINIMUM = { text: 4.5, ui: 3 } as const;
