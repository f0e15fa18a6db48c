/**
 * The Content-Security-Policy of the app's pages: scripts and styles only from the app
 * itself, network only to the configured SMS (HTTP and WebSocket), media and images from
 * the SMS or in-memory blobs, no plugins, no framing, no form posts.
 */
export function contentSecurityPolicy(smsOrigin: string): string {
  const ws = smsOrigin.replace(/^http/, 'ws');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${smsOrigin} ${ws}`,
    `img-src 'self' data: blob: ${smsOrigin}`,
    `media-src 'self' blob: ${smsOrigin}`,
    "font-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
