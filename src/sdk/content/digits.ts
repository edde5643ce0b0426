/**
 * 1900000 as "1,900,000", the way the program's limits and problems are written (in English, for
 * the site's developer). By hand, not `toLocaleString`: the first number formatter on a page loads
 * the browser's locale data, which cost about 35 ms of every page's first render when the schema
 * module wrote its description with it; a formatter per call also adds up over thousands of messages.
 */
export function groupDigits(n: number): string {
  const [whole, fraction] = String(Math.abs(n)).split('.');
  const grouped = whole!.length > 15 ? whole! : whole!.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
