/** The CDN autoloader (src/cdn.ts) publishes itself here; the npm build, which defines every element up front, has none. */
const AUTOLOADER = Symbol.for('compassion-kit.autoloader');

export interface Autoloader {
  discover(root: ParentNode): void;
}

export const autoloader = (): Autoloader | undefined => (globalThis as unknown as Record<symbol, Autoloader | undefined>)[AUTOLOADER];
