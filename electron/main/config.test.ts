import { ConfigError, DEFAULT_SMS_URL, resolveSmsUrl } from './config';

describe('resolveSmsUrl', () => {
  it('takes --sms-url= first', () => {
    expect(resolveSmsUrl(['electron', '.', '--sms-url=http://10.0.0.5:7300/'], { JCCR_SMS_URL: 'http://x' })).toBe(
      'http://10.0.0.5:7300',
    );
  });

  it('takes --sms-url followed by a value', () => {
    expect(resolveSmsUrl(['--sms-url', 'https://sms.example'], {})).toBe('https://sms.example');
  });

  it('falls back to JCCR_SMS_URL, then to the embedded SMS', () => {
    expect(resolveSmsUrl([], { JCCR_SMS_URL: 'http://sms.local:8080' })).toBe('http://sms.local:8080');
    expect(resolveSmsUrl([], {})).toBe(DEFAULT_SMS_URL);
  });

  it('takes the workstation profile after the command line and the environment', () => {
    expect(resolveSmsUrl([], {}, 'https://sms.jccr.example')).toBe('https://sms.jccr.example');
    expect(resolveSmsUrl([], { JCCR_SMS_URL: 'http://env:1' }, 'https://sms.jccr.example')).toBe('http://env:1');
  });

  it('refuses a URL that is not http(s), saying where it came from', () => {
    expect(() => resolveSmsUrl(['--sms-url=file:///etc/passwd'], {})).toThrow(ConfigError);
    expect(() => resolveSmsUrl([], { JCCR_SMS_URL: 'javascript:1' })).toThrow(/JCCR_SMS_URL/);
  });
});
