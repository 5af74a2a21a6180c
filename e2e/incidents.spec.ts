import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { TOTP } from 'otpauth';
import { signIn } from './support';

/** 障害 and 問い合わせ (ADR 0020): both planes and the public status page in one browser. */
async function shot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

async function signInOperator(page: Page) {
  const loginId = `inc-${Date.now().toString(36)}`;
  const password = 'incident e2e passphrase 2026';
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
      '障害 担当',
      '--password-stdin',
    ],
    {
      input: `${password}\n`,
      env: {
        ...process.env,
        DATA_DIR: 'var/e2e',
        EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? '54399',
        DATABASE_URL: '',
        DATABASE_OWNER_URL: '',
      },
    },
  );
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

test('a user asks, an operator answers in /ops, the user reads the answer', async ({ page }) => {
  const subject = `請求書の再発行 ${Date.now().toString(36)}`;
  await signIn(page);
  await page.getByTestId('user-name').click();
  await page.getByRole('menuitem', { name: 'お問い合わせ' }).click();
  await expect(page.getByRole('heading', { name: 'お問い合わせ', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '新しいお問い合わせ' }).click();
  await page.getByLabel('件名').fill(subject);
  await page.getByLabel('種類').selectOption('billing');
  await page.getByLabel('内容').fill('先月の請求書をもう一度発行したいです。');
  await shot(page, 'inquiry-new');
  await page.getByRole('button', { name: '送信' }).click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  await expect(page.getByText('未回答')).toBeVisible();
  const inquiryUrl = page.url();

  await signInOperator(page);
  const menu = page.getByRole('navigation', { name: 'Akinai 運用コンソール' });
  await menu.getByRole('link', { name: '問い合わせ' }).click();
  const row = page.getByRole('row', { name: new RegExp(subject) });
  await expect(row).toContainText('demo');
  await shot(page, 'ops-inquiries');
  await row.getByRole('link', { name: subject }).click();
  await page.getByLabel('回答').fill('帳票一覧の「再発行」から出力できます。');
  await page.getByRole('button', { name: '回答を送信' }).click();
  await expect(page.getByTestId('inquiry-conversation')).toContainText('Akinai サポート');
  await expect(page.getByText('回答済み')).toBeVisible();
  await shot(page, 'ops-inquiry-detail');

  await page.goto(inquiryUrl);
  await expect(page.getByTestId('inquiry-conversation')).toContainText(
    '帳票一覧の「再発行」から出力できます。',
  );
  await expect(page.getByText('回答済み')).toBeVisible();
  await shot(page, 'inquiry-detail');
});

test('a declared incident shows on /status, in the console and as a banner', async ({ page }) => {
  const title = `受注入力が遅い ${Date.now().toString(36)}`;
  await signInOperator(page);
  const menu = page.getByRole('navigation', { name: 'Akinai 運用コンソール' });
  await menu.getByRole('link', { name: '障害' }).click();
  await page.getByRole('button', { name: '検知を記録' }).click();
  await page.getByLabel('件名').fill(title);
  await shot(page, 'ops-incident-record');
  await page.getByRole('dialog').getByRole('button', { name: '検知を記録' }).click();
  const row = page.getByTestId('incident-row').filter({ hasText: title });
  await expect(row).toContainText('未告知');
  await row.getByRole('button', { name: '告知する' }).click();
  await page.getByLabel('すべての組織').check();
  await page
    .getByLabel('告知文 (公開されます)')
    .fill('受注入力の保存に時間がかかっています。調査中です。');
  await shot(page, 'ops-incident-declare');
  await page.getByRole('dialog').getByRole('button', { name: '告知する' }).click();
  await expect(row).toContainText('調査中');
  await expect(row).toContainText('すべての組織');
  await expect(row.getByTestId('incident-elapsed')).toContainText('分');
  await shot(page, 'ops-incidents');

  await page.goto('/status');
  await expect(page.getByTestId('status-summary')).toContainText('障害が発生しています');
  const card = page.getByTestId('status-incident').filter({ hasText: title });
  await expect(card).toContainText('受注入力の保存に時間がかかっています。');
  await expect(card).not.toContainText('demo');
  await shot(page, 'status-page');

  await signIn(page);
  await expect(page.getByTestId('incident-banner')).toContainText(title);
  await shot(page, 'incident-banner');

  // Resolving it ends the banner and moves it to the past on /status.
  await page.goto('/ops/incidents');
  await row.getByRole('button', { name: '経過を報告' }).click();
  await page.getByLabel('状況').selectOption('resolved');
  await page.getByLabel('告知文 (公開されます)').fill('復旧しました。');
  await page.getByRole('dialog').getByRole('button', { name: '経過を報告' }).click();
  await expect(row).toContainText('解消');
  await page.goto('/status');
  await expect(page.getByTestId('status-incident').filter({ hasText: title })).toContainText(
    '復旧しました。',
  );
});
