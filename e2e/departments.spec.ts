import { expect, test } from '@playwright/test';
import { signIn, uniqueCode } from './support';

test('an admin registers a branch with its own address, edits and deletes it', async ({ page }) => {
  const code = uniqueCode('D');
  await signIn(page);
  await page.getByRole('link', { name: '部門' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '部門' })).toBeVisible();

  await test.step('an empty form explains what is missing', async () => {
    await page.getByRole('link', { name: '部門を登録', exact: true }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByLabel('部門名')).toHaveAccessibleDescription(/部門名を入力してください/);
  });

  await test.step('saving lists it with its address marked for documents', async () => {
    await page.getByLabel('部門コード').fill(code);
    await page.getByLabel('部門名').fill('大阪営業所');
    await page.getByRole('switch', { name: '帳票にこの部門の住所を印字する' }).check();
    await page.getByLabel('住所1').fill('大阪府大阪市北区梅田1-1-1');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('部門「大阪営業所」を登録しました。')).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(code) });
    await expect(row).toContainText('大阪府大阪市北区梅田1-1-1');
    await expect(row).toContainText('帳票に印字');
  });

  await test.step('editing and deleting go back to the list with a notice', async () => {
    await page.getByRole('link', { name: code }).click();
    await page.getByLabel('電話番号').fill('06-1234-5678');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('部門「大阪営業所」を修正しました。')).toBeVisible();
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('button', { name: '削除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '削除' }).click();
    await expect(page.getByText('部門「大阪営業所」を削除しました。')).toBeVisible();
    await expect(page.getByRole('link', { name: code })).toHaveCount(0);
  });
});
