import { expect, test } from '@playwright/test';
import { signIn } from './support';

test('a screen opens its help page, and pages link to each other', async ({ page, context }) => {
  await signIn(page);
  await page.goto('/settings/users');
  const helpTab = context.waitForEvent('page');
  await page.getByTestId('help-button').click();
  const help = await helpTab;
  await expect(
    help.getByRole('heading', { level: 1, name: '担当者の登録・変更・削除' }),
  ).toBeVisible();
  await help.getByRole('main').getByRole('link', { name: '初期パスワードの発行' }).click();
  await expect(help).toHaveURL(/\/help\/initial-password$/);
  await expect(help.getByRole('heading', { level: 1, name: '初期パスワードの発行' })).toBeVisible();
  await expect(help.getByText('72時間')).toBeVisible();
});

test('the help centre is readable without signing in', async ({ page }) => {
  await page.goto('/help');
  await expect(page.getByRole('heading', { level: 1, name: 'ヘルプセンター' })).toBeVisible();
  await page.getByRole('link', { name: 'パスワードを忘れた場合' }).first().click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'パスワードを忘れた場合' }),
  ).toBeVisible();
  await page.goto('/help/no-such-page');
  await expect(page.getByText('ページが見つかりません')).toBeVisible();
});

test('the sign-up page links its help page, whose tables render', async ({ page, context }) => {
  await page.goto('/signup');
  const helpTab = context.waitForEvent('page');
  await page.getByRole('link', { name: 'トライアルの期間と終了後の扱い（ヘルプ）' }).click();
  const help = await helpTab;
  await expect(help).toHaveURL(/\/help\/signup$/);
  await expect(help.getByText('お申し込みから30日間')).toBeVisible();
  await help.getByRole('main').getByRole('link', { name: '全データのエクスポート' }).click();
  await expect(help).toHaveURL(/\/help\/data-export$/);
  await expect(help.getByRole('cell', { name: 'audit_log.csv' })).toBeVisible();
});
