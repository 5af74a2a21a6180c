import { expect, test } from '@playwright/test';
import { apiHeaders, signIn, uniqueCode, uniqueKana } from './support';

test('a customer billed to another customer, closing twice a month', async ({ page }) => {
  await signIn(page);
  const tag = uniqueKana();
  const headCode = uniqueCode('HQ');
  const code = uniqueCode('BR');
  const head = await page.request.post('/api/v1/customers', {
    headers: apiHeaders(),
    data: { code: headCode, name: `本社商事${tag}`, kana: `ホンシャ${tag}` },
  });
  expect(head.status()).toBe(201);

  await page.goto('/customers/new');
  await page.getByLabel('得意先コード').fill(code);
  await page.getByLabel('得意先名').fill(`大阪支店${tag}`);

  await test.step('請求先 is chosen by searching the other customer', async () => {
    await page.getByRole('combobox', { name: '請求先' }).fill(headCode);
    await page.getByRole('option', { name: new RegExp(headCode) }).click();
    await expect(page.getByRole('combobox', { name: '請求先' })).toHaveValue(
      new RegExp(`本社商事${tag}`),
    );
  });

  await test.step('締日 15日 and 末日, paid on the previous business day', async () => {
    await page.getByRole('combobox', { name: '締日' }).click();
    await page.getByRole('listbox').getByRole('option', { name: '15日', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('回収日').selectOption({ label: '10日' });
    await page.getByLabel('休日補正').selectOption({ label: '前営業日' });
    await expect(page.getByTestId('terms-summary')).toContainText(
      '15日・末日締め 翌月10日 振込（休日は前営業日）',
    );
  });

  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText(`得意先「大阪支店${tag}」を登録しました。`);

  await test.step('the saved customer shows its 請求先 and terms', async () => {
    await page
      .getByRole('row', { name: new RegExp(code) })
      .getByRole('link')
      .click();
    await expect(page.getByRole('heading', { name: '得意先修正' })).toBeVisible();
    await expect(page.getByTestId('terms-line')).toHaveText(
      '15日・末日締め 翌月10日 振込（休日は前営業日）',
    );
    await expect(page.getByRole('combobox', { name: '請求先' })).toHaveValue(
      new RegExp(`${headCode}.*本社商事${tag}`),
    );
  });

  await test.step('the 請求先 cannot be deleted while the branch names it', async () => {
    await page.goto('/customers');
    await page.getByLabel('検索').fill(headCode);
    // The search lands in the URL after a pause; a click before that would be overtaken by it.
    await expect(page.getByTestId('partner-total')).toHaveText('1件');
    await expect(page).toHaveURL(new RegExp(`q=${headCode}`));
    await page
      .getByRole('row', { name: new RegExp(headCode) })
      .getByRole('link')
      .click();
    await expect(page.getByRole('heading', { name: '得意先修正' })).toBeVisible();
    await page.getByRole('button', { name: '削除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '削除' }).click();
    await expect(page.getByRole('alert')).toContainText('「使用しない」に変更してください');
  });
});

test('a supplier numbered automatically, with a registration number warning', async ({ page }) => {
  await signIn(page);

  await test.step('an admin turns on 自動採番 for 仕入先コード with 4 digits', async () => {
    await page.goto('/settings/system');
    const section = page.getByRole('region', { name: 'コードの自動採番' });
    await section.getByRole('switch', { name: '仕入先コード 自動採番' }).check({ force: true });
    await section.getByRole('textbox', { name: '仕入先コード 桁数' }).fill('4');
    await section.getByRole('button', { name: '採番設定を保存' }).click();
    await expect(page.getByRole('status')).toContainText('コードの自動採番設定を保存しました。');
  });

  const name = `個人仕入${uniqueKana()}`;
  await test.step('the form offers 自動採番 and warns about the check digit as typed', async () => {
    await page.goto('/suppliers/new');
    await expect(page.getByLabel('仕入先コード')).toHaveAttribute('placeholder', '自動採番');
    await page.getByLabel('仕入先名').fill(name);
    await page.getByLabel('登録番号').fill('T1000012010038');
    await expect(page.getByRole('status').filter({ hasText: 'チェックデジット' })).toBeVisible();
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('status').first()).toContainText(
      `仕入先「${name}」を登録しました。`,
    );
  });

  await test.step('the saved supplier got the next 4-digit code and still shows the warning', async () => {
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText(/\b\d{4}\b/);
    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { name: '仕入先修正' })).toBeVisible();
    await expect(page.getByLabel('仕入先コード')).toHaveValue(/^\d{4}$/);
    await expect(page.getByText('登録番号のチェックデジットが一致しません')).toBeVisible();
  });

  await test.step('a malformed number is refused under the field', async () => {
    await page.getByLabel('登録番号').fill('T123');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByLabel('登録番号')).toHaveAccessibleDescription(
      /「T」と13桁の数字で入力してください/,
    );
  });
});
