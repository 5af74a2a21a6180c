import { expect, test } from '@playwright/test';
import { apiHeaders, demo, signIn } from './support';

test('a user who forgot the password resets it by mail and signs in with the new one', async ({
  page,
  browser,
}) => {
  const loginId = `reset${Date.now().toString(36)}`;
  const email = `${loginId}@example.jp`;
  const newPassword = 'wasurenai atarashii aikotoba';

  await test.step('an admin has registered the user with an e-mail address', async () => {
    const admin = await browser.newPage();
    await signIn(admin);
    const created = await admin.request.post('/api/v1/users', {
      headers: apiHeaders(),
      data: {
        loginId,
        name: '再設定 花子',
        email,
        initialPassword: 'shokisettei no aikotoba 2026',
      },
    });
    expect(created.status()).toBe(201);
    await admin.close();
  });

  await test.step('the user asks for a reset from the login page', async () => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'パスワードを忘れた場合' }).click();
    await expect(page.getByRole('heading', { name: 'パスワードの再設定' })).toBeVisible();
    await page.getByLabel('組織コード').fill(demo.tenantCode);
    await page.getByLabel('ログインID').fill(loginId);
    await page.getByRole('button', { name: '再設定のご案内を送る' }).click();
    await expect(page.getByRole('heading', { name: 'ご案内を送信しました' })).toBeVisible();
    await expect(page.getByText(/リンクの有効期限は30分間です/)).toBeVisible();
  });

  let link = '';
  await test.step('the link arrives in the development mailbox', async () => {
    await page.goto('/dev/mailbox');
    await expect(page.getByRole('heading', { name: '開発用メールボックス' })).toBeVisible();
    await page.getByLabel('組織コード').fill(demo.tenantCode);
    await page.getByRole('button', { name: /表示|更新/ }).click();
    const mail = page
      .getByRole('article', { name: '【Akinai】パスワード再設定のご案内' })
      .filter({ hasText: email });
    await expect(mail).toBeVisible();
    const anchor = mail.getByRole('link', { name: /\/password-reset\// });
    link = (await anchor.getAttribute('href')) ?? '';
    await anchor.click();
  });

  await test.step('sets a new password that the shared rules accept', async () => {
    await expect(page.getByRole('heading', { name: '新しいパスワードの設定' })).toBeVisible();
    await expect(page.getByText(`ログインID「${loginId}」`)).toBeVisible();
    await page
      .getByRole('textbox', { name: '新しいパスワード', exact: true })
      .fill('password1234567');
    await expect(page.getByTestId('password-strength')).toContainText('使用できません');
    await page.getByRole('textbox', { name: '新しいパスワード', exact: true }).fill(newPassword);
    await page.getByRole('textbox', { name: '新しいパスワード（確認）' }).fill(newPassword);
    await page.getByRole('button', { name: 'パスワードを設定する' }).click();
    await expect(page.getByRole('heading', { name: 'パスワードを設定しました' })).toBeVisible();
  });

  await test.step('the link works only once', async () => {
    await page.goto(new URL(link).pathname);
    await expect(page.getByRole('heading', { name: 'このリンクは使用できません' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('有効期限 (30分)');
    await page.getByRole('link', { name: 'ログイン画面に戻る' }).click();
  });

  await test.step('signs in with the new password, straight to the main menu', async () => {
    await page.getByLabel('組織コード').fill(demo.tenantCode);
    await page.getByLabel('ログインID').fill(loginId);
    await page.getByLabel('パスワード', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect(page.getByRole('heading', { name: 'メインメニュー' })).toBeVisible();
  });

  await test.step('the notice of the change is in the mailbox too', async () => {
    await page.goto('/dev/mailbox');
    await page.getByLabel('組織コード').fill(demo.tenantCode);
    await page.getByRole('button', { name: /表示|更新/ }).click();
    await expect(
      page
        .getByRole('article', { name: '【Akinai】パスワードが変更されました' })
        .filter({ hasText: email }),
    ).toBeVisible();
  });
});
