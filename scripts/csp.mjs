// The strict Content-Security-Policy the demo server and the CSP test serve (S3): no inline
// script or style, no eval, Trusted Types enforced with Lit's policy as the only one allowed.
// docs/embedding/security.md prints this policy word for word (test/csp.test.ts compares them).
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // blob: lets a recording kept on the device for offline practice play from an object URL;
  // data: lets the audio library release an audio element (it points it at a silent data: sound).
  "media-src 'self' blob: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');
