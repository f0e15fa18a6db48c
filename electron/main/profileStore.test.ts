import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultProfile } from '../../shared/host/profile';
import { PROFILE_FILE, createProfileStore } from './profileStore';

let dir: string;
let file: string;
const logged: string[] = [];
const store = () =>
  createProfileStore(
    file,
    (m) => logged.push(m),
    () => new Date('2026-11-25T01:00:00Z'),
  );

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jccr-profile-'));
  file = path.join(dir, PROFILE_FILE);
  logged.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('workstation profile store', () => {
  it('gives the default when there is no file', () => {
    expect(store().load()).toEqual(defaultProfile());
  });

  it('keeps what it is given', () => {
    const profile = { ...defaultProfile(), smsUrl: 'https://sms.jccr.example' };
    store().save(profile);
    expect(store().load()).toEqual(profile);
  });

  it.each([
    ['not JSON', '{"version": 1, "layouts": '],
    ['a wrong version', JSON.stringify({ ...defaultProfile(), version: 2 })],
    [
      'a role twice in a layout',
      JSON.stringify({ ...defaultProfile(), layouts: { ...defaultProfile().layouts, 2: ['map', 'map'] } }),
    ],
    [
      'an unknown role',
      JSON.stringify({ ...defaultProfile(), layouts: { ...defaultProfile().layouts, 1: ['cinema'] } }),
    ],
    ['an SMS URL that is not http(s)', JSON.stringify({ ...defaultProfile(), smsUrl: 'file:///etc/passwd' })],
  ])('a corrupt file (%s) falls back to the default, is kept aside and logged', (_what, text) => {
    writeFileSync(file, text);
    expect(store().load()).toEqual(defaultProfile());
    expect(readdirSync(dir)).toEqual([`${PROFILE_FILE}.corrupt-2026-11-25T01-00-00-000Z`]);
    expect(readFileSync(path.join(dir, readdirSync(dir)[0] ?? ''), 'utf8')).toBe(text);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/workstation profile unusable/);
  });

  it('refuses to write an invalid profile', () => {
    expect(() => store().save({ ...defaultProfile(), smsUrl: 'ftp://x' })).toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
