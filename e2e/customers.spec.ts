import { expect, test } from '@playwright/test';
import { apiHeaders, demo, fillLogin, signIn, toHiragana, uniqueCode, uniqueKana } from './support';

test('a wrong password is refused with the Japanese message', async ({ page }) => {
  await page.goto('/login');
  await fillLogin(page, 'not-the-password');
  await expect(page.getByRole('alert')).toContainText(
    '組織コード、ログインID、またはパスワードが正しくありません。',
  );
  await expect(page).toHaveURL(/\/login$/);
});

test('staff register, find, edit a customer and sign out', async ({ page }) => {
  const tag = uniqueKana();
  const code = uniqueCode('E2E-');
  const name = `株式会社山田テスト${tag}`;
  const kana = `ヤマダテスト${tag}`;

  await test.step('an unauthenticated visit lands on the login page', async () => {
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'ログイン' })).toBeVisible();
  });

  await test.step('signing in opens the main menu', async () => {
    await fillLogin(page);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { name: 'メインメニュー' })).toBeVisible();
    await expect(page.getByTestId('tenant-name')).toHaveText(demo.tenantName);
    await expect(page.getByRole('button', { name: /見積/ })).toBeDisabled();
  });

  await test.step('a search that matches nothing shows the empty state', async () => {
    await page.getByRole('link', { name: '得意先' }).click();
    await expect(page.getByRole('heading', { name: '得意先一覧' })).toBeVisible();
    await page.getByLabel('検索').fill(code);
    await page.getByLabel('検索').press('Enter');
    await expect(page.getByText('該当する得意先はありません')).toBeVisible();
  });

  await test.step('an empty form shows inline Japanese errors', async () => {
    await page.getByRole('link', { name: '新規登録' }).click();
    await expect(page.getByRole('heading', { name: '得意先登録' })).toBeVisible();
    await page.getByRole('button', { name: '保存' }).click();
    const codeInput = page.getByLabel('得意先コード');
    await expect(codeInput).toHaveAttribute('aria-invalid', 'true');
    await expect(codeInput).toHaveAccessibleDescription(/コードを入力してください/);
    await expect(page.getByLabel('得意先名')).toHaveAccessibleDescription(/名称を入力してください/);
    await expect(codeInput).toBeFocused();
  });

  await test.step('a filled form saves and the customer appears in the list', async () => {
    await page.getByLabel('得意先コード').fill(code);
    await page.getByLabel('得意先名').fill(name);
    await page.getByLabel('フリガナ').fill(kana);
    await page.getByLabel('郵便番号').fill('100-0001');
    await page.getByLabel('住所1').fill('東京都千代田区千代田1-1');
    await page.getByLabel('電話番号').fill('03-1111-2222');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('status')).toContainText(`得意先「${name}」を登録しました。`);
    await expect(page.getByRole('heading', { name: '得意先一覧' })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(code) })).toContainText(name);
  });

  await test.step('a taken code is reported under the code field', async () => {
    await page.getByRole('link', { name: '新規登録' }).click();
    await page.getByLabel('得意先コード').fill(code);
    await page.getByLabel('得意先名').fill('重複テスト商事');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByLabel('得意先コード')).toHaveAccessibleDescription(
      /この得意先コードは既に登録されています/,
    );
    await page.getByRole('button', { name: '戻る' }).click();
    await expect(page.getByRole('heading', { name: '得意先一覧' })).toBeVisible();
  });

  await test.step('searching in hiragana finds the katakana フリガナ, and 法人格 are ignored', async () => {
    const other = await page.request.post('/api/v1/customers', {
      headers: apiHeaders(),
      data: { code: `${code}-2`, name: `有限会社佐藤商店${tag}`, kana: `サトウショウテン${tag}` },
    });
    expect(other.status()).toBe(201);

    await page.getByLabel('検索').fill(toHiragana(kana));
    await expect(page).toHaveURL(/q=/);
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText(name);
    await expect(page.getByTestId('partner-total')).toHaveText('1件');

    await page.getByLabel('検索').fill(tag);
    await expect(page.getByTestId('partner-total')).toHaveText('2件');
    // 法人格 typed differently from the stored name still finds it.
    await page.getByLabel('検索').fill(`㈱山田テスト${tag}`);
    await expect(page.getByTestId('partner-total')).toHaveText('1件');
    await expect(rows.nth(1)).toContainText(name);
    // Each search below changes the count, so each wait proves the list followed the box.
    await page.getByLabel('検索').fill(tag);
    await expect(page.getByTestId('partner-total')).toHaveText('2件');
    await page.getByLabel('検索').fill(toHiragana(kana));
    await expect(page.getByTestId('partner-total')).toHaveText('1件');
  });

  await test.step('a row opens the edit form, and the change is saved', async () => {
    await page
      .getByRole('row', { name: new RegExp(code) })
      .getByText(name)
      .click();
    await expect(page.getByRole('heading', { name: '得意先修正' })).toBeVisible();
    await expect(page.getByLabel('得意先名')).toHaveValue(name);
    await page.getByLabel('電話番号').fill('03-9999-0000');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('status')).toContainText(`得意先「${name}」を修正しました。`);
    await expect(page.getByRole('row', { name: new RegExp(code) })).toContainText('03-9999-0000');
    // Back on the list with the search the user left it with.
    await expect(page.getByLabel('検索')).toHaveValue(toHiragana(kana));
  });

  await test.step('signing out protects the app again', async () => {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText('ログアウトしました。')).toBeVisible();
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'ログイン' })).toBeVisible();
  });
});

test('次へ and 前へ page through more customers than fit on one page', async ({ page }) => {
  await signIn(page);
  const prefix = uniqueCode('PG');
  for (let i = 1; i <= 55; i++) {
    const number = String(i).padStart(3, '0');
    const created = await page.request.post('/api/v1/customers', {
      headers: apiHeaders(),
      data: { code: `${prefix}-${number}`, name: `ページ送り商事${number}`, kana: 'ページオクリ' },
    });
    expect(created.status()).toBe(201);
  }
  await page.goto(`/customers?q=${prefix}-`);
  await expect(page.getByTestId('partner-total')).toHaveText('55件');
  await expect(page.getByText('1〜50件目を表示')).toBeVisible();
  const previous = page.getByRole('button', { name: '前へ' });
  const next = page.getByRole('button', { name: '次へ' });
  await expect(previous).toBeDisabled();

  await next.click();
  await expect(page.getByText('51〜55件目を表示')).toBeVisible();
  await expect(page.getByRole('row', { name: `${prefix}-055` })).toBeVisible();
  await expect(next).toBeDisabled();
  await expect(page.getByTestId('partner-total')).toHaveText('55件');

  await previous.click();
  await expect(page.getByText('1〜50件目を表示')).toBeVisible();
  await expect(page.getByRole('row', { name: `${prefix}-001` })).toBeVisible();
});

test('a save over someone else’s newer version shows the conflict and reloads', async ({
  page,
}) => {
  await signIn(page);
  const code = uniqueCode('VC');
  const created = await page.request.post('/api/v1/customers', {
    headers: apiHeaders(),
    data: { code, name: '排他テスト株式会社' },
  });
  const customer = (await created.json()) as { customerId: string; version: number };
  await page.goto(`/customers/${customer.customerId}`);
  await expect(page.getByLabel('得意先名')).toHaveValue('排他テスト株式会社');

  const updated = await page.request.put(`/api/v1/customers/${customer.customerId}`, {
    headers: apiHeaders(),
    data: { code, name: '排他テスト株式会社（他者更新）', version: customer.version },
  });
  expect(updated.status()).toBe(200);

  await page.getByLabel('電話番号').fill('03-0000-0000');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('alert')).toContainText('他の担当者が先に更新しました。');
  await page.getByRole('button', { name: '最新の内容を読み込む' }).click();
  await expect(page.getByLabel('得意先名')).toHaveValue('排他テスト株式会社（他者更新）');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
