import { expect, type Page } from '@playwright/test';

/** The demo tenant the e2e web server creates on its fresh database (see playwright.config.ts). */
export const demo = {
  tenantCode: 'demo',
  loginId: 'admin',
  password: 'e2e-admin-password-2026',
  tenantName: 'デモ商事株式会社',
} as const;

export async function fillLogin(page: Page, password: string = demo.password) {
  await page.getByLabel('組織コード').fill(demo.tenantCode);
  await page.getByLabel('ログインID').fill(demo.loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

export async function signIn(page: Page) {
  await page.goto('/login');
  await fillLogin(page);
  await expect(page.getByRole('heading', { name: 'メインメニュー' })).toBeVisible();
}

const KATAKANA = 'アイウエオカキクケコ';

/**
 * A short katakana tag unique to this test run (digits of the clock mapped onto ア…コ), so data
 * created by one test never matches another test's search, whatever order they run in.
 */
export function uniqueKana(): string {
  return [...Date.now().toString().slice(-6)].map((digit) => KATAKANA[Number(digit)]).join('');
}

export function toHiragana(katakana: string): string {
  return [...katakana]
    .map((char) => {
      const code = char.codePointAt(0)!;
      return code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : char;
    })
    .join('');
}

export function apiHeaders() {
  return { 'x-requested-with': 'akinai' };
}

/** A customer code no other test run uses (prefix + 6 base-36 digits of the clock). */
export function uniqueCode(prefix: string): string {
  return `${prefix}${Date.now().toString(36).slice(-6).toUpperCase()}`;
}
