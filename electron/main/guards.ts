import type { Session, WebContents } from 'electron';

/** The minimal surface of a WebContents that the guards use (so tests can fake it). */
export type GuardedContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/**
 * Locks down a WebContents as soon as it exists: no new windows (`window.open`, target=_blank),
 * no navigation or redirect of any frame away from the app, no <webview>. The app is a
 * single page; anything that tries to leave it is either a bug or an attack.
 */
export function guardWebContents(contents: GuardedContents, isAppUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

// Chromium's Local Network Access asks before a page reaches a private or loopback address,
// which is exactly where an SMS lives (LAN, or 127.0.0.1 in demo). The app page may; nothing
// else is ever granted: no camera, microphone, notifications, geolocation, USB, …
const NETWORK_PERMISSIONS = new Set(['local-network-access', 'local-network', 'loopback-network']);

/** Whether a permission may be granted: network access for the app's own pages, nothing else. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  isAppUrl: (url: string) => boolean,
): boolean {
  return NETWORK_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/** Answers every permission request and check of a session with `isPermissionAllowed`. */
export function guardPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  isAppUrl: (url: string) => boolean,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, isAppUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, isAppUrl),
  );
}
