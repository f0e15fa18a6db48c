import { WINDOW_ROLES } from '../../shared/host/profile';
import type { GuideStorage } from './guideSeen';
import { guideSeenKey, hasSeenGuide, markGuideSeen, opensAtSignIn } from './guideSeen';

/** A Map behind the Storage calls the guide makes. */
function memoryStorage(): GuideStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

const AT = new Date('2026-12-03T18:00:00Z');

describe('guideSeenKey', () => {
  it('is versioned and names the user and the window role', () => {
    expect(guideSeenKey('u-dispatcher', 'console')).toBe('jccr.guide.v1.u-dispatcher.console');
    expect(guideSeenKey('u-dispatcher', 'combined')).toBe('jccr.guide.v1.u-dispatcher.combined');
  });

  it('gives every user and role a key of its own, whatever the id holds', () => {
    const ids = ['a', 'a.console', 'a.b', '', 'é', 'x'.repeat(200)];
    const keys = ids.flatMap((id) => WINDOW_ROLES.map((role) => guideSeenKey(id, role)));
    expect(new Set(keys).size).toBe(keys.length);
    // The role is always the last part and never holds a dot, so no id can pose as another's key.
    expect(guideSeenKey('a.console', 'map')).not.toBe(guideSeenKey('a', 'console'));
  });
});

describe('seen state', () => {
  it('is unseen until dismissed, then seen for that user and role only', () => {
    const storage = memoryStorage();
    expect(hasSeenGuide(storage, 'u1', 'console')).toBe(false);
    markGuideSeen(storage, 'u1', 'console', AT);
    expect(hasSeenGuide(storage, 'u1', 'console')).toBe(true);
    expect(hasSeenGuide(storage, 'u1', 'map')).toBe(false);
    expect(hasSeenGuide(storage, 'u2', 'console')).toBe(false);
    expect(storage.items.get('jccr.guide.v1.u1.console')).toBe(AT.toISOString());
  });

  it('counts as seen when there is no storage or it throws, so the guide never nags', () => {
    expect(hasSeenGuide(null, 'u1', 'console')).toBe(true);
    const refusing: GuideStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(hasSeenGuide(refusing, 'u1', 'console')).toBe(true);
    expect(() => markGuideSeen(refusing, 'u1', 'console', AT)).not.toThrow();
    expect(() => markGuideSeen(null, 'u1', 'console', AT)).not.toThrow();
  });
});

describe('opensAtSignIn', () => {
  it('opens on a first sign-in in every operator window', () => {
    for (const role of ['console', 'map', 'command', 'combined'] as const) {
      expect(opensAtSignIn(role, false)).toBe(true);
      expect(opensAtSignIn(role, true)).toBe(false);
    }
  });

  it('never opens by itself in the wall role (the wall display)', () => {
    expect(opensAtSignIn('wall', false)).toBe(false);
    expect(opensAtSignIn('wall', true)).toBe(false);
  });
});
