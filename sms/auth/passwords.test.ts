import { hashPassword, isPasswordHash, PUBLIC_PASSWORD_COST, verifyPassword } from './passwords';

describe('password hashes', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse', PUBLIC_PASSWORD_COST);
    expect(isPasswordHash(hash)).toBe(true);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsf', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same', PUBLIC_PASSWORD_COST)).not.toBe(await hashPassword('same', PUBLIC_PASSWORD_COST));
  });

  it('never matches a malformed or absurdly costly hash', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(isPasswordHash('scrypt$1073741824$8$1$c2FsdHNhbHQ$a2V5')).toBe(false);
  });
});
