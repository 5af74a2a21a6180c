import { expect, type Page, test } from '@playwright/test';
import { apiHeaders, demo, signIn } from './support';

/**
 * Issue 3's walk, in one story: an admin makes a view-only 得意先 group, registers a staff
 * member with an initial password; the staff member must change it, can read customers but
 * not change them, later forgets the password and resets it by mail.
 */
async function signInAs(page: Page, loginId: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('組織コード').fill(demo.tenantCode);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

async function setNewPassword(page: Page, current: string | null, password: string) {
  if (current) await page.getByRole('textbox', { name: '現在のパスワード' }).fill(current);
  await page.getByRole('textbox', { name: '新しいパスワード', exact: true }).fill(password);
  await page.getByRole('textbox', { name: '新しいパスワード（確認）' }).fill(password);
}

test('admin → view-only group → new staff → forced change → read-only customers → reset by mail', async ({
  page,
  browser,
}) => {
  const tag = Date.now().toString(36).slice(-5);
  const group = `得意先参照${tag}`;
  const loginId = `walk${tag}`;
  const initial = 'shokisettei no aikotoba 2026';
  const own = 'watashi no nagai aikotoba desu';
  const renewed = 'wasuretara mata atarashiku suru';

  await test.step('the admin creates a group that may only view 得意先', async () => {
    await signIn(page);
    const customer = await page.request.post('/api/v1/customers', {
      headers: apiHeaders(),
      data: { code: `W${tag}`, name: `株式会社歩き${tag}`, kana: 'アルキ' },
    });
    expect(customer.status()).toBe(201);
    await page.getByRole('link', { name: 'アクセス権限グループ', exact: true }).click();
    await page.getByRole('link', { name: '新規作成' }).click();
    await page.getByLabel('グループ名').fill(group);
    await page.getByRole('checkbox', { name: '得意先の参照' }).check();
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText(`アクセス権限グループ「${group}」を作成しました。`)).toBeVisible();
  });

  await test.step('registers the staff member in it with an initial password', async () => {
    await page.goto('/settings/users/new');
    await page.getByLabel('ログインID').fill(loginId);
    await page.getByLabel('氏名').fill(`歩き 太郎${tag}`);
    await page.getByLabel('メールアドレス').fill(`${loginId}@example.jp`);
    await page.getByRole('combobox', { name: '権限グループ' }).click();
    await page.getByRole('option', { name: group }).click();
    await page.getByRole('radio', { name: '指定' }).check();
    await page.getByRole('textbox', { name: '初期パスワード' }).fill(initial);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('row', { name: new RegExp(loginId) })).toContainText(group);
    await page.getByRole('button', { name: 'ログアウト' }).click();
    // Navigating away before the sign-out lands would leave the admin signed in.
    await page.waitForURL(/\/login/);
  });

  await test.step('the staff member must replace the initial password first', async () => {
    await signInAs(page, loginId, initial);
    await expect(page.getByRole('heading', { name: 'パスワード変更' })).toBeVisible();
    await setNewPassword(page, initial, own);
    await page.getByRole('button', { name: '変更する' }).click();
    await expect(page.getByRole('heading', { name: 'メインメニュー' })).toBeVisible();
  });

  await test.step('can view customers but not add or change them', async () => {
    await expect(page.getByRole('link', { name: '部門' })).toHaveCount(0);
    await page.getByRole('link', { name: '得意先' }).click();
    await expect(page.getByRole('heading', { name: '得意先一覧' })).toBeVisible();
    await expect(page.getByRole('link', { name: '新規登録' })).toHaveCount(0);
    await page.getByLabel('検索').fill(`W${tag}`);
    await page.getByLabel('検索').press('Enter');
    await page.getByRole('link', { name: `W${tag}` }).click();
    await expect(page.getByText('この得意先を修正する権限がありません')).toBeVisible();
    await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0);
    const write = await page.request.post('/api/v1/customers', {
      headers: apiHeaders(),
      data: { code: `X${tag}`, name: '書けない' },
    });
    expect(write.status()).toBe(403);
    await page.getByRole('button', { name: 'ログアウト' }).click();
    // Navigating away before the sign-out lands would leave the admin signed in.
    await page.waitForURL(/\/login/);
  });

  await test.step('forgets the password and resets it by mail', async () => {
    await page.getByRole('link', { name: 'パスワードを忘れた場合' }).click();
    await page.getByLabel('組織コード').fill(demo.tenantCode);
    await page.getByLabel('ログインID').fill(loginId);
    await page.getByRole('button', { name: '再設定のご案内を送る' }).click();
    await expect(page.getByRole('heading', { name: 'ご案内を送信しました' })).toBeVisible();

    const mailbox = await browser.newPage();
    await mailbox.goto('/dev/mailbox');
    await mailbox.getByLabel('組織コード').fill(demo.tenantCode);
    await mailbox.getByRole('button', { name: /表示|更新/ }).click();
    const mail = mailbox
      .getByRole('article', { name: '【Akinai】パスワード再設定のご案内' })
      .filter({ hasText: `${loginId}@example.jp` });
    const link = await mail.getByRole('link', { name: /\/password-reset\// }).getAttribute('href');
    await mailbox.close();

    await page.goto(link ?? '');
    await expect(page.getByRole('heading', { name: '新しいパスワードの設定' })).toBeVisible();
    await setNewPassword(page, null, renewed);
    await page.getByRole('button', { name: 'パスワードを設定する' }).click();
    await expect(page.getByRole('heading', { name: 'パスワードを設定しました' })).toBeVisible();
    await signInAs(page, loginId, renewed);
    await expect(page.getByRole('heading', { name: 'メインメニュー' })).toBeVisible();
  });
});
