import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { TOTP } from 'otpauth';
import { uniqueCode } from './support';

/** Screenshots of the new screens when SCREENSHOT_DIR is set (reviewing the look). */
async function shot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

function totp(secret: string, offsetMs = 0): string {
  return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + offsetMs,
  });
}

/** `npm run ops -- operator:create` against the e2e server's running embedded database. */
function createOperatorFromCli(loginId: string, password: string): string {
  return execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/server/ops/cli.ts',
      'operator:create',
      '--login-id',
      loginId,
      '--name',
      '運用 太郎',
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

test('the first operator, made with the CLI, enrols TOTP and creates a tenant in /ops', async ({
  page,
}) => {
  const loginId = `op-${Date.now().toString(36)}`;
  const password = 'operator e2e passphrase 2026';
  expect(createOperatorFromCli(loginId, password)).toContain(`運用者「${loginId}」を作成しました`);

  await page.goto('/ops/login');
  await expect(page.getByRole('heading', { name: '運用コンソールにログイン' })).toBeVisible();
  await shot(page, 'ops-login');
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByRole('heading', { name: '2段階認証の設定' })).toBeVisible();
  await page.getByRole('button', { name: 'QR コードを表示' }).click();
  const secret = (await page.getByTestId('ops-totp-secret').textContent()) ?? '';
  await shot(page, 'ops-enrol');
  await page.getByLabel('確認コード').fill(totp(secret));
  await page.getByRole('button', { name: '設定してログイン' }).click();
  // Ten recovery codes, shown once before the console opens.
  const codesBox = page.getByTestId('recovery-codes');
  await expect(codesBox).toBeVisible();
  const recoveryCodes = (await codesBox.locator('p').allTextContents()).map((c) => c.trim());
  expect(recoveryCodes).toHaveLength(10);
  await shot(page, 'ops-recovery-codes');
  await page.getByRole('button', { name: '保管しました' }).click();
  await expect(page.getByRole('heading', { name: '組織と契約' })).toBeVisible();
  await expect(page.getByTestId('operator-name')).toContainText(loginId);

  const code = uniqueCode('e2e-').toLowerCase();
  await page.getByRole('link', { name: '組織を作成' }).click();
  await page.getByLabel('組織コード').fill(code);
  await page.getByLabel('組織名').fill('運用テスト株式会社');
  await page.getByLabel('連絡先メールアドレス').fill('contact@e2e.example');
  await page.getByLabel('氏名').fill('初代 管理者');
  await shot(page, 'ops-tenant-new');
  await page.getByRole('button', { name: '作成', exact: true }).click();
  const initialPassword = (await page.getByTestId('ops-initial-password').textContent()) ?? '';
  expect(initialPassword).toMatch(/^\w{5}(-\w{5}){3}$/);
  await shot(page, 'ops-tenant-created');

  const menu = page.getByRole('navigation', { name: 'Akinai 運用コンソール' });
  await menu.getByRole('link', { name: '組織と契約' }).click();
  await page.getByLabel('組織コード・組織名で検索').fill(code);
  const row = page.getByRole('row', { name: new RegExp(code) });
  await expect(row).toContainText('トライアル');
  await expect(row).toContainText('1 / 5');
  await shot(page, 'ops-tenants');
  await row.getByRole('link', { name: code }).click();
  await expect(page.getByRole('heading', { name: '運用テスト株式会社' })).toBeVisible();

  await page.getByLabel('理由').fill('e2e: 問い合わせ #1 の調査のため');
  await page.getByRole('button', { name: '緊急アクセスを取得' }).click();
  await expect(page.getByText('緊急アクセスを記録し、組織管理者に通知しました。')).toBeVisible();
  await expect(page.getByRole('table', { name: '緊急アクセスの記録' })).toContainText('有効');
  await page.getByRole('button', { name: '有料契約に切り替え' }).click();
  await expect(page.getByText('有料契約', { exact: true })).toBeVisible();
  await shot(page, 'ops-tenant-detail');

  await menu.getByRole('link', { name: '運用操作ログ' }).click();
  await expect(page.getByRole('table', { name: '運用操作ログ' })).toContainText(
    '緊急アクセスを取得',
  );
  await shot(page, 'ops-audit-log');
  await page.getByRole('combobox', { name: '操作', exact: true }).click();
  await page.getByRole('option', { name: '緊急アクセスを取得' }).click();
  await expect(page.getByTestId('ops-audit-shown')).toContainText('件を表示中');
  const filtered = page.getByRole('table', { name: '運用操作ログ' });
  await expect(filtered).toContainText('緊急アクセスを取得');
  await expect(filtered).not.toContainText('operator_session');

  // Without the authenticator: sign in again with a recovery code, which is then spent.
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('button', { name: 'リカバリーコードを使う' }).click();
  await page.getByLabel('リカバリーコード').fill(recoveryCodes[0] ?? '');
  await shot(page, 'ops-recovery-login');
  await page.getByRole('button', { name: '確認', exact: true }).click();
  await expect(page.getByRole('heading', { name: '組織と契約' })).toBeVisible();
  await menu.getByRole('link', { name: 'アカウント' }).click();
  await expect(page.getByTestId('ops-recovery-left')).toContainText('9個');
  await page.getByLabel('確認コード').fill(totp(secret, 30_000));
  await page.getByRole('button', { name: 'リカバリーコードを再発行' }).click();
  await expect(page.getByTestId('recovery-codes')).toBeVisible();
  await shot(page, 'ops-account-regenerated');
  await page.getByRole('button', { name: '保管しました' }).click();
  await expect(page.getByTestId('ops-recovery-left')).toContainText('10個');
  await shot(page, 'ops-account');

  // The tenant's new admin signs in with the initial password and must change it.
  await page.goto('/login');
  await page.getByLabel('組織コード').fill(code);
  await page.getByLabel('ログインID').fill('admin');
  await page.getByLabel('パスワード', { exact: true }).fill(initialPassword);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page).toHaveURL(/\/password$/);
});

test('an anonymous visitor signs up for a free trial and signs in to see the days left', async ({
  page,
}) => {
  const code = uniqueCode('trial-').toLowerCase();
  await page.goto('/signup');
  await expect(page.getByRole('heading', { name: '無料トライアルのお申し込み' })).toBeVisible();
  await expect(page.getByText(/^30日間無料でお試しいただけます。/)).toBeVisible();
  await page.getByRole('button', { name: '申し込む' }).click();
  await expect(page.getByText('利用規約への同意が必要です')).toBeVisible();
  await page.getByLabel('会社名').fill('お試し商店');
  await page.getByLabel('組織コード').fill(code);
  await page.getByLabel('管理者の氏名').fill('試用 花子');
  await page.getByLabel('ログインID').fill('hanako');
  await page.getByLabel(/^パスワード/).fill('a spring passphrase for the shop');
  await page.getByLabel('連絡先メールアドレス').fill('hanako@trial.example');
  await page.getByLabel('利用規約とプライバシーポリシーに同意します').check();
  await shot(page, 'signup');
  await page.getByRole('button', { name: '申し込む' }).click();
  await expect(page.getByText(`組織コード「${code}」でログインしてください`)).toBeVisible();
  await page.getByRole('link', { name: 'ログイン画面へ' }).click();
  await expect(page.getByLabel('組織コード')).toHaveValue(code);
  await page.getByLabel('ログインID').fill('hanako');
  await page.getByLabel('パスワード', { exact: true }).fill('a spring passphrase for the shop');
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByTestId('trial-notice')).toContainText('あと 30 日');
  await shot(page, 'menu-trial-notice');
});
