import { expect, type Page, test } from '@playwright/test';
import { TOTP } from 'otpauth';
import { apiHeaders, demo, signIn } from './support';

/** What the user's authenticator app would show for the key on the screen. */
function totp(secret: string, offsetMs = 0): string {
  return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + offsetMs,
  });
}

async function signInAs(page: Page, loginId: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('組織コード').fill(demo.tenantCode);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

test('a user enrols TOTP in the browser, signs out, and signs in again with a code', async ({
  page,
  browser,
}) => {
  const loginId = `mfa${Date.now().toString(36)}`;
  const password = 'nidankai ninshou no aikotoba 2026';

  await test.step('an admin registers the user, who sets their own password', async () => {
    const admin = await browser.newContext();
    const login = await admin.request.post('/api/v1/auth/login', {
      headers: apiHeaders(),
      data: { tenantCode: demo.tenantCode, loginId: demo.loginId, password: demo.password },
    });
    expect(login.status()).toBe(204);
    const created = await admin.request.post('/api/v1/users', {
      headers: apiHeaders(),
      data: {
        loginId,
        name: `二段階 花子${loginId.slice(-3)}`,
        initialPassword: 'shoki no aikotoba 2026 mfa',
      },
    });
    expect(created.status()).toBe(201);
    await admin.close();
    const user = await browser.newContext();
    await user.request.post('/api/v1/auth/login', {
      headers: apiHeaders(),
      data: { tenantCode: demo.tenantCode, loginId, password: 'shoki no aikotoba 2026 mfa' },
    });
    const changed = await user.request.post('/api/v1/auth/password', {
      headers: apiHeaders(),
      data: { currentPassword: 'shoki no aikotoba 2026 mfa', newPassword: password },
    });
    expect(changed.status()).toBe(204);
    await user.close();
  });

  let secret = '';
  await test.step('the user opens 2段階認証 from their menu and enrols with the shown key', async () => {
    await signInAs(page, loginId, password);
    await expect(page.getByRole('heading', { name: 'メインメニュー' })).toBeVisible();
    await page.getByTitle('担当者メニュー').click();
    await page.getByRole('menuitem', { name: '2段階認証' }).click();
    await expect(page.getByRole('heading', { name: '2段階認証', level: 1 })).toBeVisible();
    await expect(page.getByTestId('mfa-status')).toHaveText('未設定');
    await page.getByRole('button', { name: '2段階認証を設定する' }).click();
    await expect(page.getByLabel('現在のパスワード')).toHaveAccessibleDescription(
      /本人確認のため、パスワードを入力してください/,
    );
    await page.getByLabel('現在のパスワード').fill(password);
    await page.getByRole('button', { name: '2段階認証を設定する' }).click();
    await expect(page.getByRole('img', { name: '認証アプリ用の QR コード' })).toBeVisible();
    const shownKey = (await page.getByTestId('mfa-secret').textContent()) ?? '';
    secret = shownKey.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('確認コード').fill('000000');
    await page.getByRole('button', { name: '設定を完了する' }).click();
    await expect(page.getByText('確認コードが正しくありません')).toBeVisible();
    await page.getByLabel('確認コード').fill(totp(secret));
    await page.getByRole('button', { name: '設定を完了する' }).click();
    const dialog = page.getByRole('dialog', { name: 'リカバリーコード' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('recovery-codes').locator('p')).toHaveCount(10);
    await dialog.getByRole('button', { name: '保管しました' }).click();
    await expect(page.getByTestId('mfa-status')).toHaveText('設定済み');
  });

  await test.step('after signing out, the password alone is not enough', async () => {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect(page.getByRole('heading', { name: 'ログイン' })).toBeVisible();
    await signInAs(page, loginId, password);
    await expect(page.getByRole('heading', { name: '確認コードの入力' })).toBeVisible();
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/login\/mfa$/);
  });

  await test.step('the next code from the app completes the sign-in', async () => {
    // The enrolment code's time step is spent; the app's next code is accepted (±1 step).
    await page.getByLabel('確認コード').fill(totp(secret, 30_000));
    await page.getByRole('button', { name: '確認' }).click();
    await expect(page.getByRole('heading', { name: 'メインメニュー' })).toBeVisible();
  });

  await test.step('ログイン中の端末 lists this browser as the current device', async () => {
    await page.getByTitle('担当者メニュー').click();
    await page.getByRole('menuitem', { name: 'ログイン中の端末' }).click();
    await expect(page.getByRole('heading', { name: 'ログイン中の端末' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'ログイン中の端末の一覧' })).toContainText(
      'この端末',
    );
  });
});

test('an admin finds the tenant MFA requirement on システム設定', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'システム設定' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'システム設定' })).toBeVisible();
  await expect(page.getByRole('radio', { name: '必須にしない（各担当者の任意）' })).toBeChecked();
  // The section saves on its own; its button stays off until the choice changes.
  await expect(page.getByTestId('mfa-policy-save')).toBeDisabled();
});

test('when the organisation requires MFA, a user without it is taken to enrolment after the password', async ({
  page,
  browser,
}) => {
  const loginId = `req${Date.now().toString(36)}`;
  const password = 'hissu no nidankai ninshou 2026';
  const admin = await browser.newContext();
  await admin.request.post('/api/v1/auth/login', {
    headers: apiHeaders(),
    data: { tenantCode: demo.tenantCode, loginId: demo.loginId, password: demo.password },
  });
  const user = await browser.newContext();
  try {
    await admin.request.post('/api/v1/users', {
      headers: apiHeaders(),
      data: {
        loginId,
        name: `必須 三郎${loginId.slice(-3)}`,
        initialPassword: 'shoki no aikotoba hissu 2026',
      },
    });
    await user.request.post('/api/v1/auth/login', {
      headers: apiHeaders(),
      data: { tenantCode: demo.tenantCode, loginId, password: 'shoki no aikotoba hissu 2026' },
    });
    await user.request.post('/api/v1/auth/password', {
      headers: apiHeaders(),
      data: { currentPassword: 'shoki no aikotoba hissu 2026', newPassword: password },
    });
    const put = await admin.request.put('/api/v1/settings/mfa', {
      headers: apiHeaders(),
      data: { required: 'everyone' },
    });
    expect(put.status()).toBe(200);

    await signInAs(page, loginId, password);
    await expect(page).toHaveURL(/\/account\/mfa$/);
    await expect(page.getByText('組織の設定で2段階認証が必須です')).toBeVisible();
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/account\/mfa$/);
    await page.getByRole('button', { name: '2段階認証を設定する' }).click();
    const secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s/g, '');
    await page.getByLabel('確認コード').fill(totp(secret));
    await page.getByRole('button', { name: '設定を完了する' }).click();
    await page
      .getByRole('dialog', { name: 'リカバリーコード' })
      .getByRole('button', { name: '保管しました' })
      .click();
    await expect(page.getByRole('heading', { name: 'メインメニュー' })).toBeVisible();
  } finally {
    await admin.request.put('/api/v1/settings/mfa', {
      headers: apiHeaders(),
      data: { required: 'off' },
    });
    await admin.close();
    await user.close();
  }
});
