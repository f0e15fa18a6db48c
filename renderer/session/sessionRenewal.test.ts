import { SmsUnreachableError, UnauthorizedError } from '../api/smsHttp';
import type { StoredSession } from '../../shared/host/bridge';
import { SESSION_ENDED, startSessionRenewal, type SessionRenewalOptions } from './sessionRenewal';

const user = { id: 'user-ann', username: 'ann', role: 'dispatcher' } as const;

function harness(renew: (token: string) => Promise<StoredSession>) {
  let clock = 0;
  let tick: (() => void) | null = null;
  let visible: (() => void) | null = null;
  let token = 't0';
  const renewed: StoredSession[] = [];
  const ended: string[] = [];
  const opts: SessionRenewalOptions = {
    currentToken: () => token,
    renew,
    onRenewed: (s) => {
      token = s.token;
      renewed.push(s);
    },
    onEnded: (m) => ended.push(m),
    onVisible: (l) => {
      visible = l;
      return () => (visible = null);
    },
    now: () => clock,
    setInterval: (cb) => (tick = cb),
    clearInterval: () => (tick = null),
  };
  const stop = startSessionRenewal(opts);
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    stop,
    renewed,
    ended,
    token: () => token,
    advance: (ms: number) => (clock += ms),
    tick: async () => {
      tick?.();
      await settle();
    },
    becomeVisible: async () => {
      visible?.();
      await settle();
    },
    hasTimer: () => tick !== null,
    hasVisibility: () => visible !== null,
  };
}

describe('startSessionRenewal', () => {
  it('renews with the newest token each turn and hands over the fresh session', async () => {
    let n = 0;
    const seen: string[] = [];
    const h = harness(async (token) => {
      seen.push(token);
      n++;
      return { token: `t${n}`, user };
    });
    await h.tick();
    await h.tick();
    expect(seen).toEqual(['t0', 't1']);
    expect(h.token()).toBe('t2');
  });

  it('renews when the window becomes visible, not more than once per 30 s', async () => {
    let calls = 0;
    const h = harness(async () => ({ token: `t${++calls}`, user }));
    await h.becomeVisible();
    expect(calls).toBe(0);
    h.advance(30_000);
    await h.becomeVisible();
    await h.becomeVisible();
    expect(calls).toBe(1);
  });

  it('ends the session when the SMS refuses it, and keeps going when the SMS is unreachable', async () => {
    let answer: Error = new SmsUnreachableError(new TypeError('fetch failed'));
    const h = harness(async () => {
      throw answer;
    });
    await h.tick();
    expect(h.ended).toEqual([]);
    answer = new UnauthorizedError('ended');
    await h.tick();
    expect(h.ended).toEqual([SESSION_ENDED]);
  });

  it('stops its timer and visibility listener', () => {
    const h = harness(async () => ({ token: 'x', user }));
    h.stop();
    expect(h.hasTimer()).toBe(false);
    expect(h.hasVisibility()).toBe(false);
  });
});
