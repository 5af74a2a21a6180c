import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box';
import {
  currentTotp,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  legacyRecoveryCodeHash,
  matchTotp,
} from './totp';

describe('TOTP', () => {
  const secret = generateTotpSecret();
  const now = Date.UTC(2026, 0, 1, 0, 0, 15);
  const step = Math.floor(now / 30_000);

  it('accepts the code of the current step and of one step either side, not two', () => {
    expect(matchTotp(secret, currentTotp(secret, now), null, now)).toBe(step);
    expect(matchTotp(secret, currentTotp(secret, now - 30_000), null, now)).toBe(step - 1);
    expect(matchTotp(secret, currentTotp(secret, now + 30_000), null, now)).toBe(step + 1);
    expect(matchTotp(secret, currentTotp(secret, now - 60_000), null, now)).toBeNull();
  });

  it('refuses a code of a step already used or older', () => {
    const code = currentTotp(secret, now);
    expect(matchTotp(secret, code, step, now)).toBeNull();
    expect(matchTotp(secret, currentTotp(secret, now - 30_000), step, now)).toBeNull();
    expect(matchTotp(secret, currentTotp(secret, now + 30_000), step, now)).toBe(step + 1);
  });

  it('makes ten distinct recovery codes whose hash ignores dash and case', () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    const [code] = codes as [string];
    const box = createSecretBox(randomBytes(32));
    const forUser = (value: string, user = 't/u1') => hashRecoveryCode(box, user, value);
    expect(forUser(code.toUpperCase().replace('-', ''))).toBe(forUser(code));
    // Keyed and bound to the user: another user's row, another key or a plain SHA-256 differ.
    expect(forUser(code, 't/u2')).not.toBe(forUser(code));
    expect(hashRecoveryCode(createSecretBox(randomBytes(32)), 't/u1', code)).not.toBe(
      forUser(code),
    );
    expect(forUser(code)).not.toContain(legacyRecoveryCodeHash(code));
  });
});

describe('secret box', () => {
  it('round-trips and refuses another row or a tampered ciphertext', () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'tenant:user');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, 'tenant:user')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => box.open(sealed, 'tenant:other')).toThrow();
    const flipped = sealed.at(-2) === 'A' ? 'B' : 'A';
    expect(() =>
      box.open(`${sealed.slice(0, -2)}${flipped}${sealed.at(-1)}`, 'tenant:user'),
    ).toThrow();
  });
});
