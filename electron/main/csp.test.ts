import { contentSecurityPolicy } from './csp';

describe('contentSecurityPolicy', () => {
  it('lets the page reach the SMS over HTTP and WebSocket and nowhere else', () => {
    const csp = contentSecurityPolicy('https://sms.example:8443');
    expect(csp).toContain("connect-src 'self' https://sms.example:8443 wss://sms.example:8443;");
    expect(csp).toContain("default-src 'none'");
  });

  it('allows scripts from the app only', () => {
    expect(contentSecurityPolicy('http://127.0.0.1:7300')).toContain("script-src 'self';");
  });
});
