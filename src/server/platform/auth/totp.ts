import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { SecretBox } from './secret-box';

/** RFC 6238 as every authenticator app implements it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;

function totpFor(secretBase32: string, label = '', issuer = 'Akinai'): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** 160 random bits, the size RFC 4226 recommends, as base32 for manual entry. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, label: string, issuer: string): string {
  return totpFor(secretBase32, label, issuer).toString();
}

/**
 * The time step a code matches within ±1 step of `now`, if it is newer than `lastStep`:
 * a code that was accepted once (or one older than it) is refused, so a code seen over
 * someone's shoulder cannot be replayed.
 */
export function matchTotp(
  secretBase32: string,
  code: string,
  lastStep: number | null,
  now = Date.now(),
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The current code; used by tests and by nothing in production. */
export function currentTotp(secretBase32: string, now = Date.now()): string {
  return totpFor(secretBase32).generate({ timestamp: now });
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes like `k7m2p-x9qrt`: 50 bits each, unambiguous characters only. */
export function generateRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from(
      { length: 10 },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    );
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
}

function normalizeRecoveryCode(code: string): string {
  return code.normalize('NFKC').toLowerCase().replace(/[\s-]/g, '');
}

/**
 * Recovery codes are stored as a keyed digest of their normalised form (no dash, lower case),
 * bound to their user: 50 bits would not survive an offline search of a plain hash.
 */
export function hashRecoveryCode(box: SecretBox, userKey: string, code: string): string {
  return `h1:${box.digest(`${userKey}\n${normalizeRecoveryCode(code)}`)}`;
}

/** Codes issued before keyed digests were plain SHA-256; they keep working until used. */
export function legacyRecoveryCodeHash(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
}

/** The otpauth:// URI as an SVG QR code data URL for the enrolment screens. */
export async function totpQrCodeDataUrl(otpauthUri: string): Promise<string> {
  const svg = await QRCode.toString(otpauthUri, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 1,
  });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
