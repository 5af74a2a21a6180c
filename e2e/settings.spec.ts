import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { apiHeaders, demo, signIn } from './support';

/**
 * The e2e server's own embedded database (fresh per run, see playwright.config.ts): the only
 * way to let weeks pass for a password in a browser test is to move its clock back.
 */
async function agePassword(loginId: string, days: number) {
  const secrets = JSON.parse(readFileSync('var/e2e/db-secrets.json', 'utf8'));
  const client = new pg.Client({
    host: '127.0.0.1',
    port: Number(process.env.E2E_PG_PORT ?? 54399),
    user: 'postgres',
    password: secrets.superuserPassword,
    database: 'akinai',
  });
  await client.connect();
  try {
    await client.query(
      `UPDATE app.users SET password_changed_at = now() - make_interval(days => $2)
        WHERE login_id = $1`,
      [loginId, days],
    );
  } finally {
    await client.end();
  }
}

async function changePassword(page: Page, current: string, next: string) {
  await page.getByRole('textbox', { name: '現在のパスワード' }).fill(current);
  await page.getByRole('textbox', { name: '新しいパスワード', exact: true }).fill(next);
  await page.getByRole('textbox', { name: '新しいパスワード（確認）' }).fill(next);
  await page.getByRole('button', { name: '変更する' }).click();
  await expect(page.getByRole('heading', { name: 'メインメニュー' })).toBeVisible();
}

async function saveSettings(page: Page, expiry: string, notice: string) {
  await page.goto('/settings/system');
  await page.getByRole('textbox', { name: 'パスワードの有効期限' }).fill(expiry);
  if (expiry) await page.getByRole('textbox', { name: '変更通知' }).fill(notice);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('システム設定を保存しました。')).toBeVisible();
}

test('an admin turns on password expiry; a user is reminded, then made to change it', async ({
  page,
  browser,
}) => {
  const loginId = `exp${Date.now().toString(36)}`;
  const initial = 'shokisettei no aikotoba 2026';
  const own = 'haru no ogawa wa sarasara iku';
  const renewed = 'natsu no umi ni shiroi kumo';

  await test.step('the admin opens システム設定 and gets a Japanese error for bad notice days', async () => {
    await signIn(page);
    await page.screenshot({ path: 'test-results/screens/main-menu-admin.png' });
    await page.getByRole('link', { name: 'システム設定' }).click();
    await expect(page.getByRole('heading', { name: 'システム設定' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: '自動ログアウトまでの時間' })).toHaveValue('30');
    await expect(page.getByRole('textbox', { name: '変更通知' })).toBeDisabled();
    await page.getByRole('textbox', { name: '管理者メールアドレス' }).fill('kanri@example.jp');
    await page.getByRole('textbox', { name: 'パスワードの有効期限' }).fill('30');
    await page.getByRole('textbox', { name: '変更通知' }).fill('30');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByRole('textbox', { name: '変更通知' })).toHaveAccessibleDescription(
      /有効期限の日数より小さくしてください/,
    );
    await page.getByRole('textbox', { name: 'パスワードの有効期限' }).fill('90');
    await page.getByRole('textbox', { name: '変更通知' }).fill('14');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText('システム設定を保存しました。')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('textbox', { name: '管理者メールアドレス' })).toHaveValue(
      'kanri@example.jp',
    );
    await expect(page.getByRole('textbox', { name: 'パスワードの有効期限' })).toHaveValue('90');
    await page.screenshot({ path: 'test-results/screens/system-settings.png', fullPage: true });
  });

  await test.step('a user with their own password sees the notice inside the period', async () => {
    const created = await page.request.post('/api/v1/users', {
      headers: apiHeaders(),
      data: { loginId, name: '期限 太郎', initialPassword: initial },
    });
    expect(created.status()).toBe(201);
    const context = await browser.newContext();
    const user = await context.newPage();
    await user.goto('/login');
    await user.getByLabel('組織コード').fill(demo.tenantCode);
    await user.getByLabel('ログインID').fill(loginId);
    await user.getByLabel('パスワード', { exact: true }).fill(initial);
    await user.getByRole('button', { name: 'ログイン' }).click();
    await expect(user.getByRole('heading', { name: 'パスワード変更' })).toBeVisible();
    await changePassword(user, initial, own);
    await expect(user.getByTestId('password-expiry-notice')).toHaveCount(0);

    await agePassword(loginId, 80);
    await user.reload();
    const notice = user.getByTestId('password-expiry-notice');
    await expect(notice).toContainText('パスワードの有効期限まであと 10 日です');
    await user.screenshot({ path: 'test-results/screens/password-notice.png' });

    await agePassword(loginId, 91);
    await user.getByRole('link', { name: 'パスワードを変更する' }).click();
    await expect(user).toHaveURL(/\/password$/);
    await user.goto('/customers');
    await expect(user).toHaveURL(/\/password$/);
    await expect(user.getByText('パスワードの有効期限が切れています')).toBeVisible();
    await user.screenshot({ path: 'test-results/screens/password-expired.png' });
    await changePassword(user, own, renewed);
    await expect(user.getByTestId('password-expiry-notice')).toHaveCount(0);
    await context.close();
  });

  await test.step('the admin turns expiry off again', async () => {
    await saveSettings(page, '', '');
    await expect(page.getByRole('textbox', { name: '変更通知' })).toBeDisabled();
  });
});

test('a user issues an API token within their rights, uses it, and an admin revokes it', async ({
  page,
  playwright,
}) => {
  const name = `会計連携 ${Date.now().toString(36)}`;
  let token = '';

  await test.step('issues a token from the user menu, shown once', async () => {
    await signIn(page);
    await page.getByTestId('user-name').click();
    await page.getByRole('menuitem', { name: 'APIトークン' }).click();
    await expect(page.getByRole('heading', { name: 'APIトークン', exact: true })).toBeVisible();
    await page.getByRole('button', { name: '新規発行' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '発行する' }).click();
    await expect(dialog.getByRole('textbox', { name: 'トークン名' })).toHaveAccessibleDescription(
      /トークン名を入力してください/,
    );
    await dialog.getByRole('textbox', { name: 'トークン名' }).fill(name);
    await dialog.getByText('1年').click();
    await dialog.getByRole('checkbox', { name: '得意先 参照' }).check();
    await page.screenshot({ path: 'test-results/screens/api-token-create.png' });
    await dialog.getByRole('button', { name: '発行する' }).click();
    await expect(dialog.getByText('APIトークンを発行しました')).toBeVisible();
    token = (await dialog.getByTestId('api-token').textContent()) ?? '';
    expect(token).toMatch(/^akn_[0-9a-f-]{36}_[\w-]{43}$/);
    await page.screenshot({ path: 'test-results/screens/api-token-shown.png' });
    await dialog.getByRole('button', { name: '閉じる' }).click();
    await expect(page.getByRole('table', { name: 'APIトークン' })).toContainText(name);
    await expect(page.getByRole('table', { name: 'APIトークン' })).not.toContainText(token);
  });

  const integration = await playwright.request.newContext({
    baseURL: page.url().replace(/\/api-tokens$/, ''),
  });
  await test.step('an integration calls the API with it, within its scope only', async () => {
    const headers = { authorization: `Bearer ${token}` };
    expect((await integration.get('/api/v1/customers', { headers })).status()).toBe(200);
    const write = await integration.post('/api/v1/customers', {
      headers,
      data: { code: 'TOKEN1', name: '範囲外' },
    });
    expect(write.status()).toBe(403);
    expect((await integration.get('/api/v1/users', { headers })).status()).toBe(403);
  });

  await test.step('the admin sees it on APIトークン管理 and revokes it', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: 'APIトークン管理' }).click();
    const table = page.getByRole('table', { name: 'APIトークン管理' });
    await expect(table).toContainText(name);
    await expect(table.getByRole('row', { name: new RegExp(name) })).toContainText('得意先: 参照');
    await page.screenshot({ path: 'test-results/screens/api-tokens-admin.png', fullPage: true });
    await page.getByRole('button', { name: `無効化: ${name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: '無効化' }).click();
    await expect(page.getByText(`トークン「${name}」を無効にしました。`)).toBeVisible();
    await expect(page.getByRole('cell', { name, exact: true })).toHaveCount(0);
    const after = await integration.get('/api/v1/customers', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.status()).toBe(401);
  });
  await integration.dispose();
});
