import { EventEmitter } from 'node:events';
import { guardPermissions, guardWebContents, isPermissionAllowed } from './guards';
import type { GuardedContents } from './guards';

jest.mock('electron', () => ({}));

const isAppUrl = (url: string) => url.startsWith('jccr://app');

/** A WebContents stand-in: real events, and the window-open handler it was given. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: unknown) => unknown) | undefined;
  const contents = {
    on: (name: string, listener: (...args: unknown[]) => void) => emitter.on(name, listener),
    setWindowOpenHandler: (handler: (details: unknown) => unknown) => {
      openHandler = handler;
    },
  } as unknown as GuardedContents;
  const fire = (name: string, extra: object = {}) => {
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
      ...extra,
    };
    emitter.emit(name, event);
    return event.defaultPrevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('guardWebContents', () => {
  it('denies window.open', () => {
    const c = fakeContents();
    guardWebContents(c.contents, isAppUrl);
    expect(c.open('https://example.com/')).toEqual({ action: 'deny' });
  });

  it('blocks navigation and redirects of the page', () => {
    const c = fakeContents();
    guardWebContents(c.contents, isAppUrl);
    expect(c.fire('will-navigate', { url: 'https://example.com/' })).toBe(true);
    expect(c.fire('will-redirect', { url: 'https://example.com/' })).toBe(true);
  });

  it('blocks a frame navigating away from the app', () => {
    const c = fakeContents();
    guardWebContents(c.contents, isAppUrl);
    expect(c.fire('will-frame-navigate', { url: 'https://example.com/' })).toBe(true);
    expect(c.fire('will-frame-navigate', { url: 'jccr://app/index.html' })).toBe(false);
  });

  it('refuses to attach a webview', () => {
    const c = fakeContents();
    guardWebContents(c.contents, isAppUrl);
    expect(c.fire('will-attach-webview')).toBe(true);
  });
});

describe('permissions', () => {
  it('refuses everything a page might ask for', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'usb']) {
      expect(isPermissionAllowed(permission, 'jccr://app/index.html', isAppUrl)).toBe(false);
    }
  });

  it('lets the app page reach the SMS on the local network, and no other page', () => {
    expect(isPermissionAllowed('local-network-access', 'jccr://app/index.html', isAppUrl)).toBe(true);
    expect(isPermissionAllowed('local-network-access', 'https://evil.example/', isAppUrl)).toBe(false);
  });

  it('installs both the request and the check handler on the session', () => {
    const answers: boolean[] = [];
    let check: ((...args: unknown[]) => boolean) | undefined;
    guardPermissions(
      {
        setPermissionRequestHandler: (handler) =>
          handler?.({} as never, 'media', (granted) => answers.push(granted), {
            isMainFrame: true,
            requestingUrl: 'jccr://app/index.html',
          }),
        setPermissionCheckHandler: (handler) => {
          check = handler as typeof check;
        },
      },
      isAppUrl,
    );
    expect(answers).toEqual([false]);
    expect(check?.(null, 'geolocation', 'jccr://app', {})).toBe(false);
  });
});
