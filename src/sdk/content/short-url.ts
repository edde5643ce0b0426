/** A URL as messages show it: a data: or very long URL is cut, so a message stays readable. */
export function shortUrl(url: string): string {
  return clipText(url, 200);
}

export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length.toLocaleString('en-US')} characters)`;
}
