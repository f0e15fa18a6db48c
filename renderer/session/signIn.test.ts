import { ProtocolError, SmsHttpError, SmsUnreachableError, UnauthorizedError } from '../api/smsHttp';
import { ProtocolVersionError, describeSignInError } from './signIn';

describe('describeSignInError', () => {
  it('tells the operator when the credentials are wrong', () => {
    expect(describeSignInError(new UnauthorizedError('bad password'))).toMatch(/not recognised/);
  });

  it('tells the operator when the SMS cannot be reached', () => {
    expect(describeSignInError(new SmsUnreachableError(new TypeError('fetch failed')))).toMatch(/cannot be reached/);
  });

  it('says which protocol versions disagree', () => {
    expect(describeSignInError(new ProtocolVersionError(2))).toMatch(/version 2.*version 1/);
  });

  it('passes on what the SMS said for other failures', () => {
    expect(describeSignInError(new SmsHttpError(429, 'rate_limited', 'Too many attempts'))).toBe(
      'Sign-in failed: Too many attempts',
    );
    expect(describeSignInError(new ProtocolError('session answer', 'token missing'))).toMatch(/invalid session answer/);
  });
});
