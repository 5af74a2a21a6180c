import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { TOTP } from 'otpauth';
import { signIn } from './support';

/** Screenshots of the new screens when SCREENSHOT_DIR is set (reviewing the look). */
async function shot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

function createOperator(loginId: string, password: string): void {
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/server/ops/cli.ts',
      'operator:create',
      '--login-id',
      loginId,
      '--name',
      '運用 花子',
      '--password-stdin',
    ],
    {
      input: `${password}\n`,
      encoding: 'utf8',
      env: {
        ...process.env,
        DATA_DIR: 'var/e2e',
        EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? '54399',
        DATABASE_URL: '',
        DATABASE_OWNER_URL: '',
      },
    },
  );
}

async function operatorSignIn(page: Page) {
  const loginId = `news-${Date.now().toString(36)}`;
  const password = 'operator news passphrase 2026';
  createOperator(loginId, password);
  await page.goto('/ops/login');
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('button', { name: 'QR コードを表示' }).click();
  const secret = (await page.getByTestId('ops-totp-secret').textContent()) ?? '';
  const code = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate();
  await page.getByLabel('確認コード').fill(code);
  await page.getByRole('button', { name: '設定してログイン' }).click();
  await expect(page.getByTestId('recovery-codes')).toBeVisible();
  await page.getByRole('button', { name: '保管しました' }).click();
  await expect(page.getByRole('heading', { name: '組織と契約' })).toBeVisible();
}

test('an operator publishes お知らせ; a user sees NEW! on the menu until opening the list', async ({
  page,
  browser,
}) => {
  const title = `バージョン ${Date.now().toString(36)} を公開しました`;
  await operatorSignIn(page);
  await page.getByRole('link', { name: 'お知らせ' }).click();
  await expect(page.getByRole('heading', { name: 'お知らせ', level: 1 })).toBeVisible();
  await page.getByLabel('タイトル').fill(title);
  await page
    .getByRole('textbox', { name: '本文' })
    .fill('## 新機能\n\n- **請求書**の一括印刷\n- 得意先検索の高速化\n\n<script>alert(1)</script>');
  await page.getByRole('tab', { name: 'プレビュー' }).click();
  const preview = page.getByTestId('announcement-preview');
  await expect(preview.getByRole('heading', { name: '新機能' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('請求書');
  await expect(preview.locator('script')).toHaveCount(0);
  await shot(page, 'ops-announcements-preview');
  await page.getByRole('button', { name: '公開する' }).click();
  await expect(page.getByText('お知らせを公開しました。')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row.getByText('公開中')).toBeVisible();
  await shot(page, 'ops-announcements');

  await page.getByRole('link', { name: 'メールログ' }).click();
  await expect(page.getByRole('heading', { name: 'メールログ' })).toBeVisible();
  await shot(page, 'ops-mail-log');

  const user = await browser.newPage();
  await signIn(user);
  const link = user.getByRole('navigation', { name: 'お知らせ' });
  await expect(link.getByTestId('announcements-new')).toHaveText('NEW!');
  await shot(user, 'menu-announcements-new');
  await link.getByRole('link', { name: /お知らせ/ }).click();
  const article = user.getByRole('article', { name: title });
  await expect(article).toBeVisible();
  await expect(article.getByRole('listitem').first()).toContainText('請求書');
  await expect(article.locator('script')).toHaveCount(0);
  await shot(user, 'announcements');
  await user.getByRole('link', { name: 'メインメニュー' }).first().click();
  await expect(user.getByRole('heading', { name: 'メインメニュー' })).toBeVisible();
  await expect(link).toBeVisible();
  await expect(link.getByTestId('announcements-new')).toHaveCount(0);
  await user.close();

  // The operator removes it again (after a confirmation), so reruns start clean.
  await page.getByRole('link', { name: 'お知らせ' }).click();
  await row.getByRole('button', { name: '削除' }).click();
  const dialog = page.getByRole('dialog', { name: 'お知らせの削除' });
  await expect(dialog).toContainText(title);
  await dialog.getByRole('button', { name: '削除' }).click();
  await expect(page.getByRole('row').filter({ hasText: title })).toHaveCount(0);
});
