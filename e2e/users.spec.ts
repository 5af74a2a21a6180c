import { expect, type Page, test } from '@playwright/test';
import { demo, signIn } from './support';

async function signInAs(page: Page, loginId: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('組織コード').fill(demo.tenantCode);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

test('an admin registers a user who must change the initial password; disabling signs them out', async ({
  page,
  browser,
}) => {
  const loginId = `e2e${Date.now().toString(36)}`;
  const name = `販売 次郎${loginId.slice(-3)}`;
  const initialPassword = 'shokisettei no aikotoba 2026';
  const ownPassword = 'watashi dake no nagai aikotoba';

  await test.step('the admin opens 担当者一覧 from the main menu', async () => {
    await signIn(page);
    await page.getByRole('link', { name: '担当者', exact: true }).click();
    await expect(page.getByRole('heading', { name: '担当者一覧' })).toBeVisible();
    await expect(page.getByRole('table', { name: '担当者の一覧' })).toContainText('admin');
  });

  await test.step('registers the user with a specified initial password', async () => {
    await page.getByRole('link', { name: '新規登録' }).click();
    await expect(page.getByRole('heading', { name: '担当者登録' })).toBeVisible();
    await page.getByLabel('ログインID').fill(loginId);
    await page.getByLabel('氏名').fill(name);
    await page.getByRole('combobox', { name: '権限グループ' }).click();
    await page.getByRole('option', { name: '一般' }).click();
    await page.getByRole('radio', { name: '指定' }).check();
    await page.getByRole('textbox', { name: '初期パスワード' }).fill('password1234567');
    await expect(page.getByTestId('password-strength')).toContainText('使用できません');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('textbox', { name: '初期パスワード' })).toHaveAccessibleDescription(
      /よく使われているパスワード/,
    );
    await page.getByRole('textbox', { name: '初期パスワード' }).fill(initialPassword);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: '担当者一覧' })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(loginId) });
    await expect(row).toContainText('一般');
    await expect(row).toContainText('パスワード未変更');
  });

  await test.step('the admin signs out', async () => {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect(page.getByRole('heading', { name: 'ログイン' })).toBeVisible();
  });

  await test.step('the user signs in and is sent to the password change', async () => {
    await signInAs(page, loginId, initialPassword);
    await expect(page.getByRole('heading', { name: 'パスワード変更' })).toBeVisible();
    await expect(page).toHaveURL(/\/password$/);
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/password$/);
  });

  await test.step('changes it, with inline errors first', async () => {
    await page.getByRole('textbox', { name: '現在のパスワード' }).fill(initialPassword);
    await page
      .getByRole('textbox', { name: '新しいパスワード', exact: true })
      .fill(`${loginId} is me!!`);
    await page
      .getByRole('textbox', { name: '新しいパスワード（確認）' })
      .fill(`${loginId} is me!!`);
    await page.getByRole('button', { name: '変更する' }).click();
    await expect(
      page.getByRole('textbox', { name: '新しいパスワード', exact: true }),
    ).toHaveAccessibleDescription(/ログインIDを含める/);
    await page.getByRole('textbox', { name: '新しいパスワード', exact: true }).fill(ownPassword);
    await page.getByRole('textbox', { name: '新しいパスワード（確認）' }).fill(ownPassword);
    await page.getByRole('button', { name: '変更する' }).click();
    await expect(page.getByRole('heading', { name: 'メインメニュー' })).toBeVisible();
    await expect(page.getByTestId('user-name')).toHaveText(name);
    await expect(page.getByRole('link', { name: '得意先' })).toBeVisible();
    await expect(page.getByRole('link', { name: '担当者', exact: true })).toHaveCount(0);
  });

  await test.step('the admin disables the user from another browser', async () => {
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin);
    await admin.goto('/settings/users');
    await admin.getByRole('link', { name: loginId }).click();
    await expect(admin.getByRole('heading', { name: '担当者修正' })).toBeVisible();
    await admin.getByRole('button', { name: '無効化' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '無効化' }).click();
    await expect(admin.getByRole('heading', { name: '担当者一覧' })).toBeVisible();
    await expect(admin.getByRole('row', { name: new RegExp(loginId) })).toContainText('無効');
    await adminContext.close();
  });

  await test.step("the user's next action returns to the login page", async () => {
    await page.getByRole('link', { name: '得意先' }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('heading', { name: 'ログイン' })).toBeVisible();
    await signInAs(page, loginId, ownPassword);
    await expect(page.getByRole('alert')).toContainText('パスワードが正しくありません');
  });
});
