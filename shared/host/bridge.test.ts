import { HostChannelSchemas, SmsUrlSchema, StoredSessionSchema } from './bridge';

describe('host bridge contract', () => {
  it('reduces an SMS URL to its origin', () => {
    expect(SmsUrlSchema.parse('http://127.0.0.1:7300/')).toBe('http://127.0.0.1:7300');
    expect(SmsUrlSchema.parse('https://sms.jccr.example/console')).toBe('https://sms.jccr.example');
    expect(SmsUrlSchema.parse('HTTP://operator:secret@SMS.example:80/x?y#z')).toBe('http://sms.example');
  });

  it('refuses an SMS URL that is not http or https', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'jccr://app/', 'not a url']) {
      expect(SmsUrlSchema.safeParse(url).success).toBe(false);
    }
  });

  it('requires a token and a known role in a stored session', () => {
    const user = { id: 'u1', username: 'dispatcher', role: 'dispatcher' };
    expect(StoredSessionSchema.safeParse({ token: 't', user }).success).toBe(true);
    expect(StoredSessionSchema.safeParse({ token: '', user }).success).toBe(false);
    expect(StoredSessionSchema.safeParse({ token: 't', user: { ...user, role: 'root' } }).success).toBe(false);
  });

  it('takes no arguments where a channel expects none', () => {
    expect(HostChannelSchemas['session:load'].args.safeParse([]).success).toBe(true);
    expect(HostChannelSchemas['session:load'].args.safeParse(['extra']).success).toBe(false);
  });
});
