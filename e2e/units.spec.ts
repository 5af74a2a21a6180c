import { expect, test } from '@playwright/test';
import { signIn } from './support';

test('an admin adds a unit, refuses a duplicate, and deletes it', async ({ page }) => {
  const name = `缶${Date.now().toString(36).slice(-3)}`;
  await signIn(page);
  await page.getByRole('link', { name: '単位', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '単位' })).toBeVisible();
  await expect(page.getByTestId('unit-個')).toBeVisible();

  await page.getByRole('button', { name: '単位を追加' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('単位').fill(name);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`単位「${name}」を保存しました。`)).toBeVisible();

  await page.getByRole('button', { name: '単位を追加' }).click();
  await page.getByRole('dialog').getByLabel('単位').fill(name);
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog').getByLabel('単位')).toHaveAccessibleDescription(
    /この単位は既に登録されています/,
  );
  await page.getByRole('dialog').getByRole('button', { name: 'キャンセル' }).click();

  await page.getByTestId(`unit-${name}`).getByRole('button', { name: '削除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '削除' }).click();
  await expect(page.getByText(`単位「${name}」を削除しました。`)).toBeVisible();
  await expect(page.getByTestId(`unit-${name}`)).toHaveCount(0);
});
