import { expect, type Page, test } from '@playwright/test';
import { apiHeaders, signIn, uniqueCode, uniqueKana } from './support';

/** Mantine's Select is a text box with a listbox; pick by the option's visible name. */
async function choose(
  page: Page,
  scope: ReturnType<Page['getByRole']> | Page,
  label: string,
  option: string,
) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('an admin defines 地域 items, assigns two customers in bulk, filters the list, and deletes an item in use', async ({
  page,
}) => {
  const tag = uniqueKana();
  const prefix = uniqueCode('CL');
  const codeTag = prefix.slice(2);
  const east = `関東${tag}`;
  const west = `関西${tag}`;
  await signIn(page);

  await test.step('分類設定 starts with 地域 / 業種 / ランク; the admin adds two 地域 items', async () => {
    await page.getByRole('link', { name: '分類設定' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '分類設定' })).toBeVisible();
    await expect(page.getByTestId('axis-業種')).toBeVisible();
    await expect(page.getByTestId('axis-ランク')).toBeVisible();
    const region = page.getByTestId('axis-地域');
    for (const [code, name] of [
      [`E${codeTag}`, east],
      [`W${codeTag}`, west],
    ] as const) {
      await region.getByRole('button', { name: '項目を追加' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('コード').fill(code);
      await dialog.getByLabel('項目名').fill(name);
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(page.getByText(`「${name}」を保存しました。`)).toBeVisible();
    }
    await expect(region.getByRole('row').filter({ hasText: east })).toBeVisible();
  });

  await test.step('two of three customers get 関東 in one bulk assignment', async () => {
    for (const n of [1, 2, 3]) {
      const made = await page.request.post('/api/v1/customers', {
        headers: apiHeaders(),
        data: { code: `${prefix}-${n}`, name: `分類商事${tag}${n}` },
      });
      expect(made.status()).toBe(201);
    }
    await page.getByRole('link', { name: 'メインメニュー' }).first().click();
    await page.getByRole('link', { name: '得意先' }).click();
    await page.getByLabel('検索').fill(prefix);
    await page.getByLabel('検索').press('Enter');
    await expect(page.getByTestId('partner-total')).toHaveText('3件');
    await page.getByRole('checkbox', { name: `${prefix}-1 を選択` }).check();
    await page.getByRole('checkbox', { name: `${prefix}-2 を選択` }).check();
    const bar = page.getByTestId('partner-bulk-bar');
    await expect(bar).toContainText('2件を選択中');
    await bar.getByRole('button', { name: '分類を一括設定' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('対象: 2件の得意先');
    await choose(page, dialog, '分類', '地域');
    await choose(page, dialog, '設定する項目', east);
    await dialog.getByRole('button', { name: '設定する' }).click();
    await expect(page.getByText('2件の得意先の分類を変更しました。')).toBeVisible();
  });

  await test.step('the 地域 filter lists exactly those two', async () => {
    await page.getByLabel('検索').fill('');
    await page.getByLabel('検索').press('Enter');
    await choose(page, page, '地域', east);
    await expect(page).toHaveURL(/classifications=/);
    await expect(page.getByTestId('partner-total')).toHaveText('2件');
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText(`${prefix}-1`);
    await expect(rows.nth(2)).toContainText(`${prefix}-2`);
  });

  await test.step('deleting 関東 asks what to do with its 2 customers; they move to 関西', async () => {
    await page.goto('/settings/classifications');
    const region = page.getByTestId('axis-地域');
    await region.getByTestId(`item-E${codeTag}`).getByRole('button', { name: '削除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '削除' }).click();
    const dialog = page.getByRole('dialog', { name: '使用中の分類です' });
    await expect(dialog).toContainText(`項目「${east}」は 2件の取引先で使われています。`);
    await choose(page, dialog, '移動先の項目', `W${codeTag}  ${west}`);
    await dialog.getByRole('button', { name: '削除する' }).click();
    await expect(page.getByText(`「${east}」を削除しました。`)).toBeVisible();
    await expect(region.getByTestId(`item-E${codeTag}`)).toHaveCount(0);

    await page.goto(`/customers?q=${prefix}-1`);
    await page.getByRole('link', { name: `${prefix}-1` }).click();
    await expect(page.getByRole('combobox', { name: '地域', exact: true })).toHaveValue(west);
  });
});

test('a supplier gets its 分類 on the form, is filtered by it and re-classified in bulk', async ({
  page,
}, testInfo) => {
  const tag = uniqueKana();
  const prefix = uniqueCode('SC');
  const north = `北海道${tag}`;
  const direct = `直送${tag}`;
  await signIn(page);

  const axes = await page.request.get('/api/v1/classification-axes?partnerType=supplier', {
    headers: apiHeaders(),
  });
  const { axes: list } = (await axes.json()) as { axes: { axisId: string; name: string }[] };
  const axisId = (name: string) => list.find((a) => a.name === name)!.axisId;
  for (const [axis, code, name] of [
    ['地域', `N${prefix.slice(2)}`, north],
    ['業種', `D${prefix.slice(2)}`, direct],
  ] as const) {
    const made = await page.request.post(`/api/v1/classification-axes/${axisId(axis)}/items`, {
      headers: apiHeaders(),
      data: { code, name },
    });
    expect(made.status()).toBe(201);
  }
  const plain = await page.request.post('/api/v1/suppliers', {
    headers: apiHeaders(),
    data: { code: `${prefix}-2`, name: `分類なし仕入${tag}` },
  });
  expect(plain.status()).toBe(201);

  await test.step('the supplier form has a 分類 section with one select per supplier axis', async () => {
    await page.goto('/suppliers/new');
    await page.getByLabel('仕入先コード').fill(`${prefix}-1`);
    await page.getByLabel('仕入先名').fill(`分類仕入${tag}`);
    await choose(page, page, '地域', north);
    await page.screenshot({ path: testInfo.outputPath('supplier-form.png'), fullPage: true });
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('status').first()).toContainText('を登録しました。');
  });

  await test.step('the supplier list filters by 地域', async () => {
    await page.goto(`/suppliers?q=${prefix}`);
    await expect(page.getByTestId('partner-total')).toHaveText('2件');
    await choose(page, page, '地域', north);
    await expect(page.getByTestId('partner-total')).toHaveText('1件');
    await expect(page.getByRole('table')).toContainText(`${prefix}-1`);
  });

  await test.step('both suppliers get 業種 in bulk from the page check box', async () => {
    await page.goto(`/suppliers?q=${prefix}`);
    await page.getByRole('checkbox', { name: 'このページをすべて選択' }).check();
    const bar = page.getByTestId('partner-bulk-bar');
    await expect(bar).toContainText('2件を選択中');
    await page.screenshot({ path: testInfo.outputPath('supplier-list.png'), fullPage: true });
    await bar.getByRole('button', { name: '分類を一括設定' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('対象: 2件の仕入先');
    await choose(page, dialog, '分類', '業種');
    await choose(page, dialog, '設定する項目', direct);
    await dialog.getByRole('button', { name: '設定する' }).click();
    await expect(page.getByText('2件の仕入先の分類を変更しました。')).toBeVisible();
    await choose(page, page, '業種', direct);
    await expect(page.getByTestId('partner-total')).toHaveText('2件');
  });
});
