import { expect, test } from '@playwright/test';
import { apiHeaders, signIn, uniqueCode } from './support';

test('a product with three price columns gets a customer price, shown on its tab', async ({
  page,
}) => {
  const code = uniqueCode('G');
  const customerCode = uniqueCode('GC');
  await signIn(page);
  const customer = await page.request.post('/api/v1/customers', {
    headers: apiHeaders(),
    data: { code: customerCode, name: '株式会社単価テスト', kana: 'タンカテスト' },
  });
  expect(customer.status()).toBe(201);

  await page.getByRole('link', { name: '商品', exact: true }).click();
  await page.getByRole('link', { name: '新規登録' }).click();
  await page.getByLabel('商品コード').fill(code);
  await page.getByLabel('商品名').fill('コピー用紙 A4');
  await page.getByLabel('規格').fill('500枚×5冊');
  await page.getByRole('combobox', { name: '単位' }).fill('箱');
  await page.getByLabel('単価1').fill('2,980');
  await page.getByLabel('単価2').fill('2750.5');
  await page.getByLabel('単価3').fill('2500');
  await page.getByRole('button', { name: '保存' }).click();
  // 単価小数桁 is 0: the form refuses 2750.5 before anything is sent.
  await expect(page.getByLabel('単価2')).toHaveAccessibleDescription(/整数で入力/);
  await page.getByLabel('単価2').fill('2750');
  await page.getByLabel('JANコード').fill('4901234567895');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByLabel('JANコード')).toHaveAccessibleDescription(/チェックデジット/);
  await page.getByLabel('JANコード').fill('4901234567894');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`商品「コピー用紙 A4」（${code}）を登録しました。`)).toBeVisible();

  await page.getByLabel('検索').fill(code);
  const row = page.getByRole('row', { name: new RegExp(code) });
  await expect(row).toContainText('2,980');
  await expect(row).toContainText('500枚×5冊');
  await row.getByRole('link', { name: code }).click();

  await page.getByRole('tab', { name: '得意先別単価' }).click();
  await expect(page.getByText('得意先別単価はまだ登録されていません。')).toBeVisible();
  await page.getByRole('button', { name: '得意先別単価を追加' }).click();
  const dialog = page.getByRole('dialog', { name: '得意先別単価の追加' });
  await dialog.getByRole('combobox', { name: '得意先' }).fill('たんか');
  await page.getByRole('option', { name: new RegExp(customerCode) }).click();
  await dialog.getByLabel('単価').fill('2680');
  await dialog.getByLabel('相手先商品コード').fill('TK-A4-500');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('株式会社単価テストの単価を保存しました。')).toBeVisible();
  const priceRow = page
    .getByRole('table', { name: '得意先別単価の一覧' })
    .getByRole('row', { name: new RegExp(customerCode) });
  await expect(priceRow).toContainText('2,680');
  await expect(priceRow).toContainText('TK-A4-500');
  await expect(priceRow).toContainText('常に適用');

  // The price a sales line for this customer will start with.
  const productId = page.url().split('/').at(-1);
  const customerId = (await customer.json()).customerId;
  const price = await page.request.get(
    `/api/v1/products/${productId}/unit-price?customerId=${customerId}`,
  );
  expect(await price.json()).toMatchObject({ source: 'partnerPrice', unitPrice: '2680' });
});
