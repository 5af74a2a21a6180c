import { expect, test } from '@playwright/test';
import { signIn } from './support';

test('an admin renames the reduced rate, cannot change its rate, and resets it', async ({
  page,
}) => {
  await signIn(page);
  await page.getByRole('link', { name: '税率設定' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '税率設定' })).toBeVisible();
  await expect(page.getByTestId('tax-rate-10')).toContainText('10%');

  await page.getByTestId('tax-rate-8R').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('税率（%）')).toBeDisabled();
  await dialog.getByLabel('印字名').fill('※8%');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('税率「※8%」を保存しました。')).toBeVisible();
  await expect(page.getByTestId('tax-rate-8R')).toContainText('変更あり');

  await page.getByTestId('tax-rate-8R').click();
  await page.getByRole('dialog').getByRole('button', { name: '初期状態に戻す' }).click();
  await page
    .getByRole('dialog', { name: '初期状態に戻しますか？' })
    .getByRole('button', { name: '初期状態に戻す' })
    .click();
  await expect(page.getByTestId('tax-rate-8R')).toContainText('軽減8%');
  await expect(page.getByTestId('tax-rate-8R')).not.toContainText('変更あり');
});
