import { chooseScreen, openRoleWindow, roleWindowUrl } from './roleWindows';
import type { ScreenArea } from './roleWindows';

const screenAt = (availLeft: number, isPrimary = false): ScreenArea => ({
  availLeft,
  availTop: 0,
  availWidth: 1920,
  availHeight: 1040,
  isPrimary,
});
const main = screenAt(0, true);
const left = screenAt(-1920);
const right = screenAt(1920);
const farRight = screenAt(3840);

describe('role windows in the browser', () => {
  it('keeps the query and sets the role', () => {
    expect(roleWindowUrl('http://h/?sms=x&role=console#top', 'map')).toBe('http://h/?sms=x&role=map');
  });

  it('puts the wall on the right-most other screen and the map on the left-most', () => {
    expect(chooseScreen('wall', [main, left, right, farRight], main)).toBe(farRight);
    expect(chooseScreen('map', [main, left, right, farRight], main)).toBe(left);
  });

  it('stays on the current screen when there is no other', () => {
    expect(chooseScreen('wall', [main], main)).toBe(main);
  });

  it('falls back to an ordinary window when the user refuses screen access', async () => {
    const features: string[] = [];
    await openRoleWindow('wall', {
      href: 'http://h/',
      open: (_u, _t, f) => void features.push(f),
      getScreenDetails: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
    });
    expect(features).toEqual(['popup']);
  });
});
