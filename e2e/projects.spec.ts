import { expect, test } from '@playwright/test';
import { apiHeaders, signIn, uniqueCode } from './support';

test('a project is registered for a customer found by kana, and listed with it', async ({
  page,
}) => {
  const code = uniqueCode('P');
  const customerCode = uniqueCode('PC');
  await signIn(page);
  const customer = await page.request.post('/api/v1/customers', {
    headers: apiHeaders(),
    data: { code: customerCode, name: '株式会社物件テスト', kana: 'ブッケンテスト' },
  });
  expect(customer.status()).toBe(201);

  await page.getByRole('link', { name: '物件', exact: true }).click();
  await page.getByRole('link', { name: '物件を登録', exact: true }).click();
  await page.getByLabel('物件コード').fill(code);
  await page.getByLabel('物件名').fill('本社改装工事');
  await page.getByRole('combobox', { name: '得意先' }).fill('ぶっけん');
  await page.getByRole('option', { name: new RegExp(customerCode) }).click();
  await page.getByLabel('開始日').fill('2026-12-01');
  await page.getByLabel('終了日').fill('2026-11-01');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByLabel('終了日')).toHaveAccessibleDescription(/終了日は開始日以降/);
  await page.getByLabel('終了日').fill('2027-03-31');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('物件「本社改装工事」を登録しました。')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(code) });
  await expect(row).toContainText('株式会社物件テスト');
  await expect(row).toContainText('2026-12-01 〜 2027-03-31');
});
