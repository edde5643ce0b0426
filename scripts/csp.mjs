// The strict Content-Security-Policy the demo server and the CSP test serve (S3): no inline
// script or style, no eval, Trusted Types enforced with Lit's policy as the only one allowed.
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // blob: lets a recording kept on the device for offline practice play from an object URL.
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');
